/**
 * `load`: validates a whole bundle first (shape, then references against the bundle
 * and the store), and only then writes it, all in one store commit, or nothing.
 * Entities with an id the store already has replace it (a bundle is also how a
 * scripted set-up changes a plan or a customer); payments, invoices and credit notes
 * are never replaced.
 */
import type { StoreData } from '../store/data';
import type { Store } from '../store/store';
import { mergeSettings } from './settings';
import { parseBundle } from './parse';
import { stageUsageEvents } from '../usage/stage-events';
import { sequencesFromNumbers } from '../domain/numbering';

export interface LoadSummary {
  meters: number;
  plans: number;
  customers: number;
  contracts: number;
  credits: number;
  uptime: number;
  payments: number;
  invoices: number;
  credit_notes: number;
  usage: { accepted: number; duplicates: number };
}

export async function loadBundle(
  store: Store,
  input: unknown,
  source = 'The bundle',
): Promise<LoadSummary> {
  const bundle = parseBundle(input, source, store.read());
  // The events are staged in their own files first; the one commit below makes them
  // part of the store together with the rest of the bundle, or not at all.
  const usage = await stageUsageEvents(store, bundle.usage, {
    fileName: source,
    meters: bundle.meters,
    customers: bundle.customers,
  });
  const committed = store.update((draft) => {
    draft.settings = mergeSettings(draft.settings, bundle.settings);
    upsert(draft.meters, bundle.meters, (m) => m.code);
    upsert(draft.plans, bundle.plans, (p) => p.code);
    upsert(draft.customers, bundle.customers, (c) => c.id);
    upsert(draft.contracts, bundle.contracts, (c) => c.id);
    upsert(draft.credits, bundle.credits, (c) => c.id);
    upsert(draft.uptime, bundle.uptime, (u) => `${u.contract} ${u.period}`);
    draft.invoices.push(...bundle.invoices);
    draft.credit_notes.push(...bundle.credit_notes);
    draft.payments.push(...bundle.payments);
    restoreSequences(draft);
    usage.commit(draft);
    return {
      meters: bundle.meters.length,
      plans: bundle.plans.length,
      customers: bundle.customers.length,
      contracts: bundle.contracts.length,
      credits: bundle.credits.length,
      uptime: bundle.uptime.length,
      payments: bundle.payments.length,
      invoices: bundle.invoices.length,
      credit_notes: bundle.credit_notes.length,
      usage: { accepted: usage.accepted, duplicates: usage.duplicates },
    };
  });
  return committed.catch((error: unknown) => {
    usage.discard();
    throw error;
  });
}

function upsert<T>(target: T[], incoming: readonly T[], key: (item: T) => string): void {
  const index = new Map(target.map((item, position) => [key(item), position]));
  for (const item of incoming) {
    const position = index.get(key(item));
    if (position === undefined) {
      index.set(key(item), target.length);
      target.push(item);
    } else {
      target[position] = item;
    }
  }
}

/** After a restore, the number sequences continue from the highest number restored. */
function restoreSequences(draft: StoreData): void {
  const restored = sequencesFromNumbers(draft.settings, [
    ...draft.invoices.flatMap((i) => (i.number ? [i.number] : [])),
    ...draft.credit_notes.map((n) => n.number),
  ]);
  for (const [prefix, seq] of Object.entries(restored)) {
    draft.sequences[prefix] = Math.max(draft.sequences[prefix] ?? 0, seq);
  }
}
