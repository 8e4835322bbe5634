import { writeBundle, type DumpProgress } from '../../bundle/dump';
import { OutputFile } from '../../files/output-file';
import { defineCommand, stringOption, type CommandContext } from '../command';
import { throttled } from '../progress';

export const dumpCommand = defineCommand({
  name: 'dump',
  summary: 'Write the whole store as a bundle (to stdout, or to --out FILE).',
  options: {
    out: {
      type: 'string',
      value: 'FILE',
      description: 'write to this new file instead of stdout (outside the data folder)',
    },
    force: { type: 'boolean', description: 'with --out: replace FILE if it exists' },
  },
  args: [],
  readOnly: true,
  async run(ctx, options) {
    const out = stringOption(options, 'out');
    const onProgress = dumpProgress(ctx);
    if (out === undefined) {
      await writeBundle(await ctx.store(), (chunk) => ctx.io.stdout(chunk), onProgress);
      ctx.progress('');
      return;
    }
    const path = ctx.resolvePath(out);
    // Checked (and the temp file opened) before the store: a refused path costs nothing.
    const file = OutputFile.open(path, {
      overwrite: options.force === true,
      overwriteHint: 'with --force',
      protectedFolders: [{ path: ctx.dataDir, role: 'the data folder' }],
    });
    try {
      // Written synchronously a megabyte at a time: memory holds one buffer, not the events.
      await writeBundle(await ctx.store(), (chunk) => file.write(chunk), onProgress);
      file.commit();
    } catch (error) {
      file.abandon();
      throw error;
    }
    ctx.progress('');
    // With --json stdout carries exactly one document: where the bundle went.
    if (ctx.json) ctx.io.stdout(`${JSON.stringify({ out: path })}\n`);
    else ctx.io.stderr(`Wrote ${path}\n`);
  },
});

function dumpProgress(ctx: CommandContext): (progress: DumpProgress) => void {
  return throttled(
    ({ events, totalEvents }) =>
      ctx.progress(
        `Dumping: ${events.toLocaleString('en')} of ${totalEvents.toLocaleString('en')} usage events`,
      ),
    ({ events, totalEvents }) => events >= totalEvents,
  );
}
