import { exportMarketplaceRecords } from '../../services/marketplaceExport';
import { defineCommand, printResult, requiredOption } from '../command';

export const marketplaceExportCommand = defineCommand({
  name: 'marketplace-export',
  summary: "Write the period's marketplace usage records (AWS, Azure, Google Cloud request files).",
  options: {
    period: { type: 'string', value: 'YYYY-MM', description: 'the billed period' },
    out: {
      type: 'string',
      value: 'DIR',
      description: 'the folder to write into (aws/, azure/, gcp/)',
    },
    force: { type: 'boolean', description: 'replace files of an earlier export that differ' },
  },
  readOnly: true,
  args: [],
  async run(ctx, options) {
    const period = requiredOption(options, 'period');
    const result = exportMarketplaceRecords(await ctx.store(), {
      period,
      out: ctx.resolvePath(requiredOption(options, 'out')),
      overwrite: options.force === true,
    });
    printResult(ctx, result, () => {
      if (result.files.length === 0) {
        return `No marketplace statement of ${period} reports usage (has the period been billed?).\n`;
      }
      return [
        `Wrote ${result.records} record${result.records === 1 ? '' : 's'} of ${period} in ${result.files.length} file${result.files.length === 1 ? '' : 's'}:`,
        ...result.files.map((file) => `  ${file}`),
        ...result.roundings.map(
          (r) =>
            `Rounded up: ${r.contract} ${r.dimension} ${r.quantity} reported as ${r.reported}.`,
        ),
        '',
      ].join('\n');
    });
  },
});
