/**
 * From a file's text to a valid, current store document. A file that cannot be read
 * as one is refused with the file and the first problem named: the app never falls
 * back to an empty store, which would look like "all invoices gone".
 *
 * Two kinds of text reach here: a main document of the partitioned book (schema 2
 * on), and a whole book in one document (schema 1 files, and their backups), which
 * is migrated and then split into the partitioned layout by the store.
 */
import type { z } from 'zod';
import { UserError } from '../domain/errors';
import { jsonPath } from '../domain/json-path';
import {
  CURRENT_SCHEMA_VERSION,
  mainDocumentSchema,
  storeDataSchema,
  type MainDocument,
  type StoreData,
} from './data';
import { readSchemaVersion, runMigrations, type Migration } from './migrations';

export interface DecodeOptions {
  migrations: readonly Migration[];
  /** The version to migrate to; only tests rehearsing a future upgrade pass another. */
  schemaVersion?: number;
}

/** A store file: the main document of a partitioned book, or a whole book of an older schema. */
export type DecodedStore = { main: MainDocument } | { whole: StoreData };

/** Single-document books end at this schema; from the next one, the book is partitioned. */
const LAST_WHOLE_SCHEMA = 1;

/**
 * Parses `text` (the content of the file `source`), and either validates it as a main
 * document or migrates and validates it as a whole book. Throws a UserError naming
 * `source` when it is not JSON, is from a newer version, or does not match the schema
 * (with the JSON path of the first issue). `beforeMigrating` runs before the first step.
 */
export async function decodeStoreText(
  text: string,
  source: string,
  options: DecodeOptions & { beforeMigrating?: () => Promise<void> },
): Promise<DecodedStore> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${source} is not valid JSON (${(error as Error).message}).`);
  }
  const { schemaVersion = CURRENT_SCHEMA_VERSION } = options;
  const version = readSchemaVersion(parsed, source, schemaVersion);
  if (version > LAST_WHOLE_SCHEMA && version === schemaVersion) {
    return { main: checked(mainDocumentSchema, parsed, source) };
  }
  if (version < schemaVersion) {
    await options.beforeMigrating?.();
    parsed = runMigrations(parsed, options.migrations, source, schemaVersion);
  }
  return { whole: checked(storeDataSchema, parsed, source) };
}

function checked<T>(schema: z.ZodType<T>, value: unknown, source: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const [first, ...others] = result.error.issues.map(describeIssue);
    throw new UserError(`${source} does not match the store format at ${first}.`, others);
  }
  return result.data;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `${jsonPath(issue.path) || 'the top level'}: ${issue.message}`;
}
