import { RECEIPT_METHODS } from '../../domain/model';
import { BANK_FILE_ENCODINGS } from '../../payments/bank-csv';
import {
  BANK_FIELDS,
  importPayments,
  type ImportPaymentsResult,
} from '../../services/importPayments';
import { defineCommand, listOption, printResult, stringOption } from '../command';
import { parseMap } from './import-usage';

export const importPaymentsCommand = defineCommand({
  name: 'import-payments',
  summary:
    "Record payments from a bank's or processor's CSV export; lists the rows it could not match.",
  options: {
    map: {
      type: 'string',
      value: 'FIELD=COLUMN',
      multiple: true,
      description: `read a field (${BANK_FIELDS.join(', ')}) from another column`,
    },
    'decimal-comma': { type: 'boolean', description: 'amounts are written 1.234,56' },
    'dry-run': {
      type: 'boolean',
      description: 'show how each row would be matched, and record nothing',
    },
    encoding: {
      type: 'string',
      value: 'E',
      description: `the file's text encoding: ${BANK_FILE_ENCODINGS.join(' (default) or ')}`,
    },
    method: {
      type: 'string',
      value: 'M',
      description: `the method of rows without a method column (default wire; ${RECEIPT_METHODS.join(', ')}); marketplace for a disbursement report`,
    },
  },
  args: [{ name: 'FILE', required: true }],
  async run(ctx, options, [file = '']) {
    const result = await importPayments(await ctx.store(), ctx.resolvePath(file), {
      map: parseMap(listOption(options, 'map')),
      decimalComma: options['decimal-comma'] === true,
      encoding: stringOption(options, 'encoding'),
      method: stringOption(options, 'method'),
      dryRun: options['dry-run'] === true,
    });
    // --json prints the shape the command line has always printed; the app reads the rest.
    const { recorded, duplicates, unmatched, payments } = result;
    const printed = {
      recorded,
      duplicates,
      unmatched,
      payments: payments.map(({ row, invoice, amount }) => ({ row, invoice, amount })),
    };
    printResult(ctx, printed, () => describeImport(file, result));
  },
});

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function describeImport(file: string, result: ImportPaymentsResult): string {
  const [done, recorded] = result.dry_run
    ? [`Nothing recorded (dry run) from ${file}`, 'to record']
    : [`Imported ${file}`, 'recorded'];
  const lines = [
    `${done}: ${plural(result.recorded, 'payment')} ${recorded}, ${plural(result.duplicates, 'duplicate')}, ${plural(result.unmatched.length, 'row')} unmatched.`,
    ...result.payments.map(({ row, invoice, amount }) => `  row ${row}: ${amount} on ${invoice}`),
  ];
  if (result.unmatched.length > 0) {
    lines.push(
      'Unmatched:',
      ...result.unmatched.map(({ row, reason }) => `  row ${row}: ${reason}`),
    );
  }
  return `${lines.join('\n')}\n`;
}
