/**
 * `load`: reads a bundle as a stream, staging its usage events into their own files
 * as they arrive and keeping the (small) other sections; then checks everything
 * (shape, then references against the bundle and the store) and only then commits
 * it, all in one store update, or nothing. Entities with an id the store already has
 * replace it (a bundle is also how a scripted set-up changes a plan or a customer);
 * payments, invoices and credit notes are never replaced.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { sequencesFromNumbers } from '../domain/numbering';
import { UserError } from '../domain/errors';
import {
  startUsageEventStaging,
  type StagedBatch,
  type UsageEventStaging,
} from '../services/importUsage';
import type { StoreData } from '../store/data';
import type { Store } from '../store/store';
import { usageContext, type UsageContext } from '../usage/validate';
import { bundleError, checkSections } from './parse';
import { visitBundleStream, visitBundleValue, type BundleVisitor } from './read';
import type { Bundle } from './schema';
import { mergeSettings } from './settings';
import type { BundleProblem } from './validate';

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

export interface LoadProgress {
  bytesRead: number;
  totalBytes: number;
  /** Usage events read so far. */
  events: number;
}

export interface LoadBundleFileOptions {
  /** How messages name the file (default: its path). */
  source?: string;
  /** Called after each piece of the file is read. */
  onProgress?: (progress: LoadProgress) => void;
  /** Bytes read at a time; tests make it small to see the stream at work. */
  chunkBytes?: number;
}

const CHUNK_BYTES = 1 << 16;

/** Loads the bundle file at `path`, streamed: memory holds one event at a time. */
export async function loadBundleFile(
  store: Store,
  path: string,
  { source = path, onProgress, chunkBytes = CHUNK_BYTES }: LoadBundleFileOptions = {},
): Promise<LoadSummary> {
  const totalBytes = await bundleFileSize(path, source);
  return loadWith(store, source, async (loader) => {
    const hash = createHash('sha256');
    let bytesRead = 0;
    async function* hashedChunks(): AsyncGenerator<Buffer> {
      try {
        for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) {
          hash.update(chunk as Buffer);
          yield chunk as Buffer;
        }
      } catch (error) {
        throw new UserError(`Cannot read ${source}: ${(error as Error).message}.`);
      }
    }
    await visitBundleStream(hashedChunks(), source, loader, (bytes) => {
      bytesRead += bytes;
      onProgress?.({ bytesRead, totalBytes, events: loader.events });
    });
    return hash.digest('hex');
  });
}

/** Loads a bundle already in memory (the demo book, a test's, the app's). */
export function loadBundle(
  store: Store,
  input: unknown,
  source = 'The bundle',
): Promise<LoadSummary> {
  return loadWith(store, source, (loader) => {
    visitBundleValue(input, loader);
    return Promise.resolve(
      createHash('sha256')
        .update(JSON.stringify(input) ?? '')
        .digest('hex'),
    );
  });
}

/** `read` hands the bundle to the loader and returns the SHA-256 of its text. */
async function loadWith(
  store: Store,
  source: string,
  read: (loader: BundleLoader) => Promise<string>,
): Promise<LoadSummary> {
  await store.backup('before-load');
  const loader = await BundleLoader.start(store, source);
  let sha256: string;
  try {
    sha256 = await read(loader);
  } catch (error) {
    loader.discard();
    throw error;
  }
  const { bundle, usage } = await loader.finish(sha256);
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

/**
 * Receives a bundle's sections and usage events in any order. The events are staged
 * at once, so their customers and meters may be ones the bundle lists later: those
 * are noted (the first event naming each, and how many do) and checked at the end.
 */
class BundleLoader implements BundleVisitor {
  events = 0;
  /** The index of the event being staged, for the references it defers. */
  private current = 0;
  // A Map: a member named "__proto__" must stay a member (and be refused as unknown).
  private readonly sections = new Map<string, unknown>();
  private readonly problems: BundleProblem[] = [];
  private readonly pending = {
    customer: new Map<string, { first: number; count: number }>(),
    meter: new Map<string, { first: number; count: number }>(),
  };
  private staging!: UsageEventStaging;

  private constructor(
    private readonly store: Store,
    private readonly source: string,
  ) {}

  static async start(store: Store, source: string): Promise<BundleLoader> {
    const loader = new BundleLoader(store, source);
    const context: UsageContext = {
      ...usageContext(store.read()),
      defer: (reference, value) => {
        const noted = loader.pending[reference].get(value);
        if (noted) noted.count++;
        else loader.pending[reference].set(value, { first: loader.current, count: 1 });
        return true;
      },
    };
    loader.staging = await startUsageEventStaging(store, { fileName: source, context });
    return loader;
  }

  section(name: string, value: unknown): void {
    this.sections.set(name, value);
  }

  usageEvent(index: number, value: unknown): void {
    this.events++;
    this.current = index;
    this.staging.add(index + 1, value);
  }

  problem(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /**
   * The checked bundle and its staged usage; otherwise deletes what was staged and
   * throws a UserError listing every problem.
   */
  async finish(sha256: string): Promise<{ bundle: Bundle; usage: StagedBatch }> {
    const usage = await this.staging.finish(sha256);
    const { bundle, problems } = checkSections(
      Object.fromEntries(this.sections),
      this.store.read(),
    );
    const all = [...this.problems, ...problems];
    if (bundle !== null) all.push(...this.unresolvedReferences(bundle));
    all.push(
      ...usage.errors.map((error) => ({ path: `usage[${error.row - 1}]`, message: error.reason })),
    );
    const unlisted = usage.rejected - usage.errors.length;
    if (unlisted > 0) all.push({ path: 'usage', message: `${unlisted} more events are rejected` });
    if (bundle === null || all.length > 0) {
      usage.discard();
      throw bundleError(this.source, all);
    }
    return { bundle, usage };
  }

  discard(): void {
    this.staging.discard();
  }

  private unresolvedReferences(bundle: Bundle): BundleProblem[] {
    const known = usageContext(this.store.read(), bundle);
    const problems: BundleProblem[] = [];
    const report = (
      notes: Map<string, { first: number; count: number }>,
      isKnown: (value: string) => boolean,
      field: string,
      message: (value: string) => string,
    ): void => {
      for (const [value, { first, count }] of notes) {
        if (isKnown(value)) continue;
        const others = count > 1 ? ` (${count} events name it)` : '';
        problems.push({ path: `usage[${first}].${field}`, message: `${message(value)}${others}` });
      }
    };
    report(
      this.pending.customer,
      (value) => known.customers.has(value),
      'customer',
      (value) => `no customer has the external id '${value}'`,
    );
    report(
      this.pending.meter,
      (value) => known.meters.has(value),
      'meter',
      (value) => `unknown meter '${value}'`,
    );
    return problems.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  }
}

async function bundleFileSize(path: string, source: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UserError(`Cannot read ${source}: it is not a file.`);
    return info.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      `Cannot read ${source}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
    );
  }
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
