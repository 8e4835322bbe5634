/** The accounts-receivable aging report of the store (documents-payments.md §4). */
import { agingReport, type AgingReport } from '../domain/aging';
import { isValidDate } from '../domain/dates';
import { UserError } from '../domain/errors';
import type { Store } from '../store/store';

export function receivablesAging(store: Store, asOf: string): AgingReport {
  if (!isValidDate(asOf)) throw new UserError(`The date '${asOf}' is not a valid date YYYY-MM-DD.`);
  const data = store.read();
  return agingReport(
    {
      invoices: data.invoices,
      payments: data.payments,
      creditNotes: data.credit_notes,
      customers: data.customers,
    },
    asOf,
  );
}
