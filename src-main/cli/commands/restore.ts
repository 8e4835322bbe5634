import { defineCommand, printResult } from '../command';

export const restoreCommand = defineCommand({
  name: 'restore',
  summary:
    "Bring back the backup NAME (see 'backups'), after backing up the current state so that the restore can be undone.",
  options: {},
  args: [{ name: 'NAME', required: true }],
  async run(ctx, _options, [name = '']) {
    const saved = await (await ctx.store()).restore(name);
    printResult(
      ctx,
      { restored: name, saved_before: saved },
      () =>
        `Restored ${name}. The state before it is backup ${saved.name}; to undo: nexus-billing restore ${saved.name}\n`,
    );
  },
});
