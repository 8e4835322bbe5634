/** What the app shows of the open book on every screen: its catalog and whether it is the demo. */
import { isEmptyBook } from '../bundle/validate';
import { isDemoBook } from '../demo/book';
import type { Settings } from '../domain/model';
import type { Store } from '../store/store';
import { resolveRunDate } from './runDate';

/** The settings as the app may see them: the SMTP password stays in the main process. */
export function publicSettings(settings: Settings) {
  return {
    seller: settings.seller,
    invoice_number_format: settings.invoice_number_format,
    credit_note_number_format: settings.credit_note_number_format,
    payment_terms_days: settings.payment_terms_days,
    smtp_configured: settings.smtp !== null,
  };
}

export function bookOverview(store: Store) {
  const data = store.read();
  return {
    demo: isDemoBook(data),
    empty: isEmptyBook(data),
    today: resolveRunDate(data.settings),
    settings: publicSettings(data.settings),
    customers: data.customers,
    contracts: data.contracts,
    plans: data.plans,
    meters: data.meters,
    credits: data.credits,
  };
}
