/**
 * `dump`: the whole store as a bundle. Written in pieces because the usage section
 * may hold millions of events: they are streamed one per line from the usage
 * storage, never collected in memory.
 */
import type { Store } from '../store/store';
import { readAllUsage } from '../usage/reader';
import { BUNDLE_FORMAT } from './schema';

export async function writeBundle(store: Store, write: (chunk: string) => void): Promise<void> {
  const data = store.read();
  const sections = {
    format: BUNDLE_FORMAT,
    settings: data.settings,
    meters: data.meters,
    plans: data.plans,
    customers: data.customers,
    contracts: data.contracts,
    credits: data.credits,
    uptime: data.uptime,
    payments: data.payments,
    invoices: data.invoices,
    credit_notes: data.credit_notes,
    email_records: data.email_records,
  };
  write('{\n');
  for (const [key, value] of Object.entries(sections)) {
    write(`${JSON.stringify(key)}: ${JSON.stringify(value)},\n`);
  }
  write('"usage": [');
  let first = true;
  for await (const event of readAllUsage(store)) {
    write(`${first ? '\n' : ',\n'}${JSON.stringify(event)}`);
    first = false;
  }
  write('\n]\n}\n');
}

/** The bundle as one value, for callers that hold the whole book in memory anyway (tests, IPC). */
export async function dumpBundle(store: Store): Promise<unknown> {
  const chunks: string[] = [];
  await writeBundle(store, (chunk) => chunks.push(chunk));
  return JSON.parse(chunks.join('')) as unknown;
}
