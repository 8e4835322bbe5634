import { rollbackBatch } from '../../services/usageBatches';
import { defineCommand, printResult } from '../command';

export const rollbackBatchCommand = defineCommand({
  name: 'rollback-batch',
  summary: "Take a usage batch's events out of the store, unless some are on a finalized invoice.",
  options: {},
  args: [{ name: 'ID', required: true }],
  async run(ctx, _options, [id = '']) {
    const batch = await rollbackBatch(await ctx.store(), id);
    printResult(
      ctx,
      batch,
      () =>
        `Rolled back batch ${batch.id} (${batch.file_name}): its ${batch.accepted.toLocaleString('en')} event${batch.accepted === 1 ? ' is' : 's are'} no longer stored.
`,
    );
  },
});
