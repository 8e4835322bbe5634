import { defineCommand, printResult } from '../command';
import { textTable } from '../table';

export const backupsCommand = defineCommand({
  name: 'backups',
  summary: "List the store's backups, newest first: name, when, why, size.",
  options: {},
  args: [],
  async run(ctx) {
    const backups = await (await ctx.store()).listBackups();
    printResult(ctx, backups, () => {
      if (backups.length === 0) return 'No backups yet.\n';
      const rows = backups.map((backup) => [
        backup.name,
        backup.time.slice(0, 19).replace('T', ' '),
        backup.reason,
        formatSize(backup.size),
      ]);
      return textTable(['NAME', 'TAKEN (UTC)', 'REASON', 'SIZE'], rows, [3]);
    });
  },
});

/** Sizes as a person reads them: 812 B, 14.2 kB, 3.1 MB (powers of 1000, as file managers show). */
function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
