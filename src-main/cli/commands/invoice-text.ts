/** How the billing commands print invoices and the bill run's report for a person. */
import { formatAmount } from '../../domain/locale-format';
import type { BillRunReport } from '../../services/billRun';
import type { InvoiceView } from '../../services/present';
import { textTable } from '../table';

/** The invoices with their amounts written for `locale` (the settings' locale). */
export function invoiceTable(invoices: readonly InvoiceView[], locale: string): string {
  if (invoices.length === 0) return 'No invoices.\n';
  return textTable(
    [
      'NUMBER',
      'STATUS',
      'CUSTOMER',
      'CONTRACT',
      'PERIOD',
      'CURRENCY',
      'SUBTOTAL',
      'CREDITS',
      'TAX',
      'TOTAL',
      'BALANCE DUE',
    ],
    invoices.map((invoice) => {
      const money = (amount: string) => formatAmount(amount, invoice.currency, locale);
      return [
        invoice.number ?? invoice.id,
        invoice.status,
        invoice.customer,
        invoice.contract,
        invoice.period,
        invoice.currency,
        money(invoice.subtotal),
        money(invoice.credits),
        money(invoice.tax),
        money(invoice.total),
        money(invoice.balance_due),
      ];
    }),
    [6, 7, 8, 9, 10],
  );
}

/** The report's findings, for stderr; empty when there is nothing to follow up. */
export function reportText(report: BillRunReport): string {
  const parts: string[] = [];
  if (report.unbilled.length > 0) {
    parts.push(
      'Unbilled usage (no contract of the customer covers these events):\n',
      textTable(
        ['EXTERNAL ID', 'CUSTOMER', 'METER', 'EVENTS', 'QUANTITY', 'FIRST EVENT'],
        report.unbilled.map((entry) => [
          entry.external_id,
          entry.customer ?? '(none)',
          entry.meter,
          String(entry.events),
          entry.quantity,
          entry.first_event,
        ]),
        [3, 4],
      ),
    );
  }
  if (report.over_quota.length > 0) {
    parts.push(
      'Over a blocked quota (the excess is not billed):\n',
      textTable(
        ['CUSTOMER', 'CONTRACT', 'PERIOD', 'METER', 'QUOTA', 'USAGE', 'EXCESS'],
        report.over_quota.map((entry) => [
          entry.customer,
          entry.contract,
          entry.period,
          entry.meter,
          entry.quota,
          entry.usage,
          entry.excess,
        ]),
        [4, 5, 6],
      ),
    );
  }
  for (const entry of report.already_finalized) {
    parts.push(`Contract ${entry.contract} already has the finalized invoice ${entry.invoice}.\n`);
  }
  for (const entry of report.not_finalized) {
    parts.push(`Left as a draft: ${entry.reason}\n`);
  }
  return parts.join('');
}
