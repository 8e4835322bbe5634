/**
 * The partitioned book in memory: the committed main document, the period documents
 * read so far (each read once, when first needed), and drafts of changes to it.
 *
 * A draft shows the whole book in the shape of `StoreData`, as services have always
 * used it, and adds `DraftBook` to reach one period or one invoice without reading
 * the others. Everything read through a draft is a copy-on-write draft (cow.ts), so
 * `finish` finds what changed by identity: it validates and checks the rules of the
 * changed items only and names the period documents a commit must write anew.
 */
import type { z } from 'zod';
import { compareText } from '../domain/collections';
import { jsonPath } from '../domain/json-path';
import { refersTo, type Invoice } from '../domain/invoice';
import type { BookFiles } from './book-files';
import {
  collection,
  COLLECTION_NAMES,
  emptyPeriodData,
  type CollectionName,
  type InvoicePeriodLookup,
  type PeriodData,
} from './collections';
import { createDraft, finalize, isChanged } from './cow';
import {
  MAIN_FIELDS,
  mainFieldSchemas,
  type MainDocument,
  type MainField,
  type PeriodSummary,
  type ReadonlyStoreData,
  type StoreData,
} from './data';
import { assertSequencesNeverDecrease, ITEM_RULES } from './rules';
import { summarizePeriod } from './summary';

export type MainData = Omit<MainDocument, 'book_files'>;

/** Reaching into a draft by period or by invoice, without reading the whole history. */
export interface DraftBook {
  /** The periods that hold anything, in order. */
  periods(): string[];
  /** A draft of one period's documents; an empty one for a period that holds nothing yet. */
  period(period: string): PeriodData;
  /** A draft of the invoice with this id or number, found through the book's index. */
  invoice(reference: string): Invoice | undefined;
  /** What the main document keeps of each committed period (data.ts, `PeriodSummary`). */
  summaries(): Readonly<Record<string, PeriodSummary>>;
}

/** What a commit writes: the main fields, and the periods and index it changes. */
export interface BookChange {
  main: MainData;
  /** The new content of each changed period (all empty: the period is gone). */
  periods: Map<string, PeriodData>;
  /** The new index, when it changed. */
  index: Map<string, string> | null;
  summaries: Map<string, PeriodSummary>;
}

export class CommittedBook {
  private readonly loaded: Map<string, PeriodData>;
  private loadedIndex: Map<string, string> | null;
  private viewCache: ReadonlyStoreData | null = null;

  constructor(
    readonly main: MainDocument,
    private readonly files: BookFiles,
    /** Periods held in memory only (a read-only store migrated from one document). */
    preloaded: { periods: Map<string, PeriodData>; index: Map<string, string> } | null = null,
  ) {
    this.loaded = new Map(preloaded?.periods);
    this.loadedIndex = preloaded?.index ?? null;
  }

  periods(): string[] {
    const named = Object.keys(this.main.book_files.periods);
    return [...new Set([...named, ...this.loaded.keys()])].sort(compareText);
  }

  period(period: string): PeriodData {
    let data = this.loaded.get(period);
    if (data === undefined) {
      const file = this.main.book_files.periods[period];
      data = file === undefined ? emptyPeriodData() : this.files.readPeriod(file, period);
      this.loaded.set(period, data);
    }
    return data;
  }

  index(): Map<string, string> {
    if (this.loadedIndex === null) {
      const file = this.main.book_files.index;
      this.loadedIndex = file === null ? new Map() : this.files.readIndex(file);
    }
    return this.loadedIndex;
  }

  invoicePeriod(reference: string): string | undefined {
    return this.index().get(reference);
  }

  /** The book after `change`, sharing every period it did not change. */
  next(main: MainDocument, change: BookChange): CommittedBook {
    const periods = new Map(this.loaded);
    for (const [period, data] of change.periods) periods.set(period, data);
    const book = new CommittedBook(main, this.files);
    for (const [period, data] of periods) {
      if (isEmptyPeriod(data) && main.book_files.periods[period] === undefined) continue;
      book.loaded.set(period, data);
    }
    book.loadedIndex = change.index ?? this.loadedIndex;
    return book;
  }

  /**
   * The whole book in the shape of `StoreData`; each collection is read when first
   * used (an enumerable getter: spreading, cloning and serializing see plain data).
   */
  view(): ReadonlyStoreData {
    if (this.viewCache !== null) return this.viewCache;
    const view: Record<string, unknown> = {};
    for (const field of MAIN_FIELDS) view[field] = this.main[field];
    for (const name of COLLECTION_NAMES) {
      let items: unknown[] | null = null;
      Object.defineProperty(view, name, {
        enumerable: true,
        get: () =>
          (items ??= this.periods().flatMap((period): unknown[] => this.period(period)[name])),
      });
    }
    this.viewCache = Object.freeze(view) as unknown as ReadonlyStoreData;
    return this.viewCache;
  }
}

export function isEmptyPeriod(data: PeriodData): boolean {
  return COLLECTION_NAMES.every((name) => data[name].length === 0);
}

interface WholeCollection {
  /** Every item of the collection, as drafts, in a draft array: what `draft.<collection>` is. */
  items: unknown[];
  /** Whether `draft.<collection>` was assigned a new array. */
  replaced: boolean;
  /** Each period's items when the whole collection was taken, to notice later edits. */
  periods: Map<string, unknown[]>;
}

export class BookDraft {
  /** The draft in the shape of `StoreData`. */
  readonly data: StoreData;
  readonly book: DraftBook;
  private readonly mainValues = new Map<MainField, unknown>();
  private readonly periodDrafts = new Map<string, PeriodData>();
  private readonly whole = new Map<CollectionName, WholeCollection>();

  constructor(private readonly committed: CommittedBook) {
    const data: Record<string, unknown> = {};
    for (const field of MAIN_FIELDS) {
      Object.defineProperty(data, field, {
        enumerable: true,
        get: () => this.mainValue(field),
        set: (value: unknown) => this.mainValues.set(field, value),
      });
    }
    for (const name of COLLECTION_NAMES) {
      Object.defineProperty(data, name, {
        enumerable: true,
        get: () => this.wholeCollection(name).items,
        set: (items: unknown[]) => {
          const whole = this.wholeCollection(name);
          whole.items = items;
          whole.replaced = true;
        },
      });
    }
    this.data = data as unknown as StoreData;
    this.book = {
      periods: () => [...new Set([...committed.periods(), ...this.periodDrafts.keys()])].sort(),
      period: (period) => this.period(period),
      invoice: (reference) => this.invoice(reference),
      summaries: () => committed.main.book_files.summaries,
    };
  }

  private mainValue(field: MainField): unknown {
    if (!this.mainValues.has(field)) {
      const base: unknown = this.committed.main[field];
      this.mainValues.set(
        field,
        typeof base === 'object' && base !== null ? createDraft(base) : base,
      );
    }
    return this.mainValues.get(field);
  }

  private period(period: string): PeriodData {
    let draft = this.periodDrafts.get(period);
    if (draft === undefined) {
      draft = createDraft(this.committed.period(period));
      this.periodDrafts.set(period, draft);
    }
    return draft;
  }

  private invoice(reference: string): Invoice | undefined {
    const whole = this.whole.get('invoices');
    if (whole !== undefined) {
      return (whole.items as Invoice[]).find((invoice) => refersTo(invoice, reference));
    }
    const period = this.committed.invoicePeriod(reference);
    if (period === undefined) return undefined;
    return this.period(period).invoices.find((invoice) => refersTo(invoice, reference));
  }

  private wholeCollection(name: CollectionName): WholeCollection {
    let whole = this.whole.get(name);
    if (whole === undefined) {
      const all: unknown[] = [];
      whole = { items: createDraft(all), replaced: false, periods: new Map() };
      for (const period of this.book.periods()) {
        const items: unknown[] = [...this.period(period)[name]];
        whole.periods.set(period, items);
        all.push(...items);
      }
      this.whole.set(name, whole);
    }
    return whole;
  }

  /** What to commit, or null when the update changed nothing. Throws when a rule is broken. */
  finish(): BookChange | null {
    const committedMain = this.committed.main;
    const main = { ...committedMain } as Record<string, unknown>;
    delete main.book_files;
    let mainChanged = false;
    for (const [field, value] of this.mainValues) {
      const final: unknown = finalize(value);
      if (final === committedMain[field]) continue;
      assertValid(mainFieldSchemas[field], final, field);
      main[field] = final;
      mainChanged = true;
    }
    assertSequencesNeverDecrease(committedMain.sequences, main.sequences as MainData['sequences']);

    // A whole collection only read, or changed item by item, leaves the periods in charge.
    for (const [name, whole] of this.whole) {
      if (!whole.replaced && !isChanged(whole.items)) this.whole.delete(name);
      else this.assertNoEditsBesideWhole(name, whole);
    }
    const periods = new Map<string, PeriodData>();
    const finalPeriods = new Map(
      [...this.periodDrafts].map(([period, draft]) => [period, finalize(draft)]),
    );
    const addedKeys = new Map<string, string>();
    const lookup: InvoicePeriodLookup = (reference) =>
      addedKeys.get(reference) ?? this.committed.invoicePeriod(reference);
    let index: Map<string, string> | null = null;

    for (const name of COLLECTION_NAMES) {
      const changes = this.collectionChanges(name, finalPeriods, lookup);
      for (const [period, items] of changes) {
        const before = this.committed.period(period)[name];
        const { added, removed } = checkChangedItems(name, period, before, items, lookup);
        let data = periods.get(period);
        if (data === undefined) {
          data = { ...this.committed.period(period) };
          periods.set(period, data);
        }
        (data as Record<CollectionName, unknown[]>)[name] = items;
        const { keysOf } = collection(name);
        if (keysOf === undefined) continue;
        const dropped = new Set(removed.flatMap((item) => keysOf(item)));
        const gained = added.flatMap((item) => keysOf(item));
        for (const key of gained) addedKeys.set(key, period);
        // An item changed in place keeps its keys: the index stays as it is.
        if (gained.length === dropped.size && gained.every((key) => dropped.has(key))) continue;
        index ??= new Map(this.committed.index());
        for (const item of removed) {
          for (const key of keysOf(item)) if (index.get(key) === period) index.delete(key);
        }
        for (const key of gained) index.set(key, period);
      }
    }
    if (!mainChanged && periods.size === 0) return null;
    const summaries = new Map<string, PeriodSummary>();
    for (const [period, data] of periods) {
      if (data.invoices !== this.committed.period(period).invoices) {
        summaries.set(period, summarizePeriod(data.invoices));
      }
    }
    return { main: main as MainData, periods, index, summaries };
  }

  /** The new items of each period whose collection `name` changed. */
  private collectionChanges(
    name: CollectionName,
    finalPeriods: ReadonlyMap<string, PeriodData>,
    lookup: InvoicePeriodLookup,
  ): Map<string, unknown[]> {
    const changes = new Map<string, unknown[]>();
    const whole = this.whole.get(name);
    if (whole === undefined) {
      for (const [period, data] of finalPeriods) {
        if (data[name] !== this.committed.period(period)[name]) changes.set(period, data[name]);
      }
      return changes;
    }
    const { periodOf } = collection(name);
    const groups = new Map<string, unknown[]>();
    for (const draft of finalize(whole.items)) {
      const item = finalize(draft) as { id: string };
      const period = periodOf(item, lookup);
      const group = groups.get(period);
      if (group) group.push(item);
      else groups.set(period, [item]);
    }
    for (const period of new Set([...this.committed.periods(), ...groups.keys()])) {
      const items = groups.get(period) ?? [];
      if (!sameItems(items, this.committed.period(period)[name])) changes.set(period, items);
    }
    return changes;
  }

  private assertNoEditsBesideWhole(name: CollectionName, whole: WholeCollection): void {
    for (const [period, draft] of this.periodDrafts) {
      const taken = whole.periods.get(period) ?? [];
      if (!sameItems([...draft[name]], taken)) {
        throw new Error(
          `An update changed ${name} of ${period} through book.period() after reading draft.${name}; use one or the other.`,
        );
      }
    }
  }
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/**
 * Validates the items a commit adds to a period's collection and applies the
 * collection's rule to the committed items it replaces or removes.
 */
function checkChangedItems(
  name: CollectionName,
  period: string,
  before: readonly unknown[],
  after: readonly unknown[],
  lookup: InvoicePeriodLookup,
): { added: { id: string }[]; removed: { id: string }[] } {
  const kept = new Set(before);
  const present = new Set(after);
  const declaration = collection(name);
  const added = (after as { id: string }[]).filter((item) => !kept.has(item));
  for (const item of added) {
    assertValid(declaration.item, item, `${name}[${JSON.stringify(item.id)}]`);
    const home = declaration.periodOf(item, lookup);
    if (home !== period) {
      throw new Error(`Refused to store ${name} ${item.id} in ${period}: it belongs to ${home}.`);
    }
  }
  const removed = (before as { id: string }[]).filter((item) => !present.has(item));
  const rule = ITEM_RULES[name] as ((old: unknown, next: unknown) => void) | undefined;
  if (rule !== undefined && removed.length > 0) {
    const addedById = new Map(added.map((item) => [item.id, item]));
    for (const old of removed) rule(old, addedById.get(old.id));
  }
  return { added, removed };
}

function assertValid(schema: z.ZodType, value: unknown, where: string): void {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues
      .map((issue) => `${jsonPath([where, ...issue.path])}: ${issue.message}`)
      .join('; ');
    throw new Error(`Refused to write an invalid store document, at ${issues}.`);
  }
}

/**
 * A whole book as a change that writes all of it: its main fields, every period that
 * holds anything and the index. `replacing` lists periods of the book it replaces,
 * which the change empties when `data` has nothing for them.
 */
export function splitBook(data: StoreData, replacing: readonly string[] = []): BookChange {
  const main = Object.fromEntries(MAIN_FIELDS.map((field) => [field, data[field]])) as MainData;
  const index = new Map<string, string>();
  const { keysOf, periodOf } = collection('invoices');
  for (const invoice of data.invoices) {
    for (const key of keysOf?.(invoice) ?? [])
      index.set(
        key,
        periodOf(invoice, () => undefined),
      );
  }
  const lookup: InvoicePeriodLookup = (reference) => index.get(reference);
  const periods = new Map<string, PeriodData>(
    replacing.map((period) => [period, emptyPeriodData()]),
  );
  for (const name of COLLECTION_NAMES) {
    const { periodOf: homeOf } = collection(name);
    for (const item of data[name] as { id: string }[]) {
      const period = homeOf(item, lookup);
      let target = periods.get(period);
      if (target === undefined) {
        target = emptyPeriodData();
        periods.set(period, target);
      }
      (target[name] as unknown[]).push(item);
    }
  }
  const summaries = new Map(
    [...periods].map(([period, content]) => [period, summarizePeriod(content.invoices)]),
  );
  return { main, periods, index, summaries };
}
