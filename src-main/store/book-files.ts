/**
 * The period documents of the partitioned book, on disk (docs/architecture.md,
 * "Store"): `periods/<period>.<commit>.json` holds one period's share of every
 * collection, `periods/index.<commit>.json` maps invoice ids and numbers to their
 * period. A file is written once, under a name no other file had, and never changed:
 * a commit writes new versions of what changed, then the main document that names
 * them, so a crash before that leaves the previous book whole.
 */
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { UserError } from '../domain/errors';
import { jsonPath } from '../domain/json-path';
import { periodName } from '../domain/model';
import { collectionArraySchemas, type PeriodData } from './collections';
import { isErrorCode } from './durable-file';

export const PERIODS_DIR = 'periods';

const periodDocumentSchema = z.strictObject({ period: periodName, ...collectionArraySchemas });
/**
 * The index on disk: each period's invoice ids and numbers. Grouped by period, it is
 * read and written several times faster than one entry per key (100,000 invoices make
 * 200,000 keys), and it is smaller. The flat form (key → period) is what books written
 * before the grouping hold; it is still read.
 */
const indexDocumentSchema = z.union([
  z.record(periodName, z.array(z.string())),
  z.record(z.string(), periodName),
]);

const VERSIONED = /^(\d{4}-\d{2}|index)\.(\d+)\.json$/;

function versionedName(stem: string, commit: number): string {
  return `${stem}.${String(commit).padStart(6, '0')}.json`;
}

export const periodFileName = (period: string, commit: number): string =>
  versionedName(period, commit);
export const indexFileName = (commit: number): string => versionedName('index', commit);

/** The commit a book file was written by, or null for a name the store never gives. */
export function commitOfFile(name: string): number | null {
  const match = VERSIONED.exec(name);
  return match ? Number(match[2]) : null;
}

/** Tells the user what to do about a damaged or missing store file. */
export type DamageAdvice = (file: string, problem: string) => UserError;

export class BookFiles {
  readonly dir: string;

  constructor(
    dataDir: string,
    private readonly damaged: DamageAdvice,
  ) {
    this.dir = join(dataDir, PERIODS_DIR);
  }

  readPeriod(file: string, period: string): PeriodData {
    const { period: stored, ...data } = this.readJson(file, periodDocumentSchema);
    if (stored !== period) {
      throw this.damaged(this.path(file), `it holds ${stored}, not ${period}`);
    }
    return data;
  }

  readIndex(file: string): Map<string, string> {
    const stored: Record<string, string | string[]> = this.readJson(file, indexDocumentSchema);
    const index = new Map<string, string>();
    for (const [name, value] of Object.entries(stored)) {
      if (typeof value === 'string') index.set(name, value);
      else for (const key of value) index.set(key, name);
    }
    return index;
  }

  /** Writes a new file and makes its content durable; its name becomes durable with `syncFolder`. */
  writePeriod(period: string, commit: number, data: PeriodData): string {
    const name = periodFileName(period, commit);
    this.writeNew(name, JSON.stringify({ period, ...data }));
    return name;
  }

  writeIndex(commit: number, index: ReadonlyMap<string, string>): string {
    const name = indexFileName(commit);
    const keysByPeriod: Record<string, string[]> = {};
    for (const [key, period] of index) (keysByPeriod[period] ??= []).push(key);
    this.writeNew(name, JSON.stringify(keysByPeriod));
    return name;
  }

  syncFolder(): void {
    const fd = openSync(this.dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Every file in the folder (versions, leftovers), by name. */
  list(): string[] {
    try {
      return readdirSync(this.dir);
    } catch (error) {
      if (isErrorCode(error, 'ENOENT')) return [];
      throw error;
    }
  }

  remove(names: Iterable<string>): void {
    for (const name of names) rmSync(this.path(name), { force: true });
  }

  exists(name: string): boolean {
    return this.list().includes(name);
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  private writeNew(name: string, text: string): void {
    const path = this.path(name);
    // A leftover of a commit that never landed may hold the name: it is nobody's.
    rmSync(path, { force: true });
    const fd = openSync(path, 'wx');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } catch (error) {
      closeSync(fd);
      rmSync(path, { force: true });
      throw error;
    }
    closeSync(fd);
  }

  private readJson<T>(name: string, schema: z.ZodType<T>): T {
    const path = this.path(name);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if (isErrorCode(error, 'ENOENT')) throw this.damaged(path, 'it is missing');
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw this.damaged(path, 'it is not valid JSON');
    }
    const result = schema.safeParse(parsed);
    if (!result.success) {
      const [issue] = result.error.issues;
      throw this.damaged(
        path,
        `it does not match the store format at ${jsonPath(issue?.path ?? []) || 'the top level'}`,
      );
    }
    return result.data;
  }
}
