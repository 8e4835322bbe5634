import { Dec } from '../../domain/money';
import { writeStatementPdf } from '../../services/statement';
import { defineCommand, printResult, requiredOption } from '../command';

export const statementCommand = defineCommand({
  name: 'statement',
  summary:
    "Write a customer's account statement as a PDF: opening balance, invoices, payments, credit notes, closing balance.",
  options: {
    customer: { type: 'string', value: 'ID', description: 'the customer' },
    from: { type: 'string', value: 'DATE', description: 'the first day of the statement' },
    to: { type: 'string', value: 'DATE', description: 'the last day of the statement' },
    out: { type: 'string', value: 'FILE', description: 'the PDF file to write (a new file)' },
    force: { type: 'boolean', description: 'replace FILE if it exists' },
  },
  readOnly: true,
  args: [],
  async run(ctx, options) {
    const result = await writeStatementPdf(await ctx.store(), {
      customer: requiredOption(options, 'customer'),
      from: requiredOption(options, 'from'),
      to: requiredOption(options, 'to'),
      out: ctx.resolvePath(requiredOption(options, 'out')),
      overwrite: options.force === true,
    });
    if (result.missing_characters.length > 0) {
      ctx.io.stderr(
        `No embedded font has a glyph for ${result.missing_characters.join(' ')}; they print as boxes.\n`,
      );
    }
    const { statement } = result;
    printResult(ctx, { file: result.file, statement }, () => {
      const balances = statement.currencies.map(
        (section) =>
          `${section.currency}: opening ${section.opening_balance}, closing ${section.closing_balance}` +
          (new Dec(section.closing_balance).lt(0) ? ' (in the customer’s favour)' : ''),
      );
      return `Wrote the statement of ${statement.customer} from ${statement.from} to ${statement.to} to ${result.file}.\n${balances.map((line) => `  ${line}\n`).join('')}`;
    });
  },
});
