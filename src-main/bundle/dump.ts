/**
 * `dump`: the whole store as a bundle, written in pieces because the usage section
 * may hold millions of events: they are streamed one per line from the usage
 * storage, a piece at a time, and the writer's pace is awaited (bounded memory).
 */
import type { Store } from '../store/store';
import { readAllUsage } from '../usage/reader';
import { liveBatches } from '../usage/storage';
import { BUNDLE_FORMAT } from './schema';

export interface DumpProgress {
  events: number;
  totalEvents: number;
}

/** About this much text is handed to `write` at a time. */
const PIECE_CHARS = 1 << 16;

/**
 * Writes the bundle through `write`, awaiting it when it returns a promise (a file
 * stream asking to drain). `onProgress` follows the usage events written.
 */
export async function writeBundle(
  store: Store,
  write: (chunk: string) => void | Promise<void>,
  onProgress: (progress: DumpProgress) => void = () => undefined,
): Promise<void> {
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
  };
  const totalEvents = liveBatches(data)
    .flatMap((batch) => batch.segments)
    .reduce((sum, segment) => sum + segment.events, 0);
  await write('{\n');
  for (const [key, value] of Object.entries(sections)) {
    await write(`${JSON.stringify(key)}: ${JSON.stringify(value)},\n`);
  }
  let piece = '"usage": [';
  let events = 0;
  for await (const event of readAllUsage(store)) {
    piece += `${events === 0 ? '\n' : ',\n'}${JSON.stringify(event)}`;
    events++;
    if (piece.length >= PIECE_CHARS) {
      await write(piece);
      piece = '';
      onProgress({ events, totalEvents });
    }
  }
  await write(`${piece}\n]\n}\n`);
  onProgress({ events, totalEvents });
}

/** The bundle as one value, for callers that hold the whole book in memory anyway (tests, IPC). */
export async function dumpBundle(store: Store): Promise<unknown> {
  const chunks: string[] = [];
  await writeBundle(store, (chunk) => {
    chunks.push(chunk);
  });
  return JSON.parse(chunks.join('')) as unknown;
}
