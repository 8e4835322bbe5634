import { listBatches } from '../../services/importUsage';
import { defineCommand, printResult } from '../command';

export const usageBatchesCommand = defineCommand({
  name: 'usage-batches',
  summary: 'List the usage import batches, oldest first, rolled-back ones marked.',
  options: {},
  args: [],
  async run(ctx) {
    const batches = listBatches(await ctx.store());
    printResult(ctx, batches, () => {
      if (batches.length === 0) return 'No usage has been imported.\n';
      const rows = batches.map((batch) => [
        batch.id,
        batch.imported_at.slice(0, 19).replace('T', ' '),
        batch.format,
        String(batch.accepted),
        String(batch.duplicates),
        String(batch.rejected),
        batch.rolled_back_at === null ? '' : `rolled back ${batch.rolled_back_at.slice(0, 10)}`,
        batch.file_name,
      ]);
      const header = [
        'BATCH',
        'IMPORTED (UTC)',
        'FORMAT',
        'ACCEPTED',
        'DUPLICATES',
        'REJECTED',
        'STATUS',
        'FILE',
      ];
      const widths = header.map((title, column) =>
        Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
      );
      return [header, ...rows]
        .map(
          (row) =>
            `${row
              .map((cell, i) => cell.padEnd(widths[i] ?? 0))
              .join('  ')
              .trimEnd()}\n`,
        )
        .join('');
    });
  },
});
