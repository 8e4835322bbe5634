import { listBatches } from '../../services/usageBatches';
import { defineCommand, printResult } from '../command';
import { textTable } from '../table';

export const usageBatchesCommand = defineCommand({
  name: 'usage-batches',
  summary: 'List the usage import batches, oldest first, rolled-back ones marked.',
  options: {},
  args: [],
  readOnly: true,
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
      return textTable(header, rows, [3, 4, 5]);
    });
  },
});
