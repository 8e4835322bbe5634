import { moneyIn } from '../../domain/locale-format';
import { issueCreditNote } from '../../services/creditNotes';
import { defineCommand, printResult, requiredOption, stringOption } from '../command';

export const creditNoteCommand = defineCommand({
  name: 'credit-note',
  summary: 'Issue a credit note against a finalized invoice.',
  options: {
    amount: {
      type: 'string',
      value: 'X',
      description: 'the amount credited, in the invoice currency',
    },
    reason: { type: 'string', value: 'TEXT', description: 'why, printed on the credit note' },
    'as-of': { type: 'string', value: 'DATE', description: 'the issue date (default: today)' },
  },
  args: [{ name: 'NUMBER', required: true }],
  async run(ctx, options, [number = '']) {
    const result = await issueCreditNote(await ctx.store(), {
      invoice: number,
      amount: requiredOption(options, 'amount'),
      reason: requiredOption(options, 'reason'),
      asOf: stringOption(options, 'as-of'),
    });
    const { credit_note: note, invoice, credit } = result;
    const money = moneyIn((await ctx.store()).read().settings.locale);
    printResult(ctx, result, () =>
      [
        `Issued ${note.number} for ${money(note.amount, note.currency)} on ${number}; balance due ${money(invoice.balance_due, invoice.currency)}.\n`,
        credit
          ? `${money(credit.amount, credit.currency)} beyond the balance due became credit ${credit.id}.\n`
          : '',
      ].join(''),
    );
  },
});
