import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle } from '../../bundle/load';
import { isEmptyBook } from '../../bundle/validate';
import { currentMonth, demoBundle, previousPeriod } from '../../demo/book';
import { UserError } from '../../domain/errors';
import { formatAmount } from '../../domain/locale-format';
import { Dec, formatMoney } from '../../domain/money';
import { billPeriod } from '../../services/billRun';
import type { InvoiceView } from '../../services/present';
import { openStore } from '../../store/store';
import { createPeriodUsageReader } from '../../usage/reader';
import { defineCommand, printResult } from '../command';
import { invoiceTable, reportText } from './invoice-text';

export const demoCommand = defineCommand({
  name: 'demo',
  summary:
    'Create a store with the demo book (in DIR, else a new temp folder), bill the last closed month and print its invoices.',
  options: {},
  args: [{ name: 'DIR', required: false }],
  async run(ctx, _options, [dir]) {
    const dataDir = dir
      ? ctx.resolvePath(dir)
      : await mkdtemp(join(tmpdir(), 'nexus-billing-demo-'));
    const store = await openStore(dataDir);
    try {
      if (!isEmptyBook(store.read())) {
        throw new UserError(
          `${dataDir} already holds a book of business; the demo needs an empty folder.`,
        );
      }
      ctx.progress('Loading the demo book…');
      await loadBundle(store, demoBundle(), 'The demo book');
      const period = previousPeriod(currentMonth());
      ctx.progress(`Billing ${period}…`);
      const result = await billPeriod(store, createPeriodUsageReader(store), { period });
      ctx.progress('');
      printResult(ctx, { data: dataDir, period, invoices: result.invoices }, () =>
        [
          `Demo store: ${dataDir}`,
          `Invoices for ${period} (drafts until finalized):`,
          '',
          invoiceTable(result.invoices, store.read().settings.locale),
          totalsText(result.invoices, store.read().settings.locale),
          reportText(result.report),
          'Next: finalize them with',
          `  npm run cli -- bill --period ${period} --finalize --data "${dataDir}"`,
          '',
        ].join('\n'),
      );
    } finally {
      await store.close();
    }
  },
});

/**
 * Totals per currency (amounts in different currencies are never added together) of
 * what the desk bills: marketplace statements are billed by the marketplace.
 */
function totalsText(invoices: readonly InvoiceView[], locale: string): string {
  const totals = new Map<string, { count: number; total: Dec; due: Dec }>();
  for (const invoice of invoices) {
    if (invoice.status === 'marketplace') continue;
    const entry = totals.get(invoice.currency) ?? { count: 0, total: new Dec(0), due: new Dec(0) };
    entry.count += 1;
    entry.total = entry.total.plus(invoice.total);
    entry.due = entry.due.plus(invoice.balance_due);
    totals.set(invoice.currency, entry);
  }
  const lines = [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([currency, { count, total, due }]) =>
        `  ${currency}  ${String(count).padStart(3)} invoices  total ${formatAmount(formatMoney(total, currency), currency, locale).padStart(14)}  balance due ${formatAmount(formatMoney(due, currency), currency, locale).padStart(14)}`,
    );
  return ['Totals by currency:', ...lines, ''].join('\n');
}
