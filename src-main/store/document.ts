/**
 * From a file's text to a valid, current store document. A file that cannot be read
 * as one is refused with the file and the first problem named: the app never falls
 * back to an empty store, which would look like "all invoices gone".
 */
import type { z } from 'zod';
import { UserError } from '../domain/errors';
import { jsonPath } from '../domain/json-path';
import { CURRENT_SCHEMA_VERSION, storeDataSchema, type StoreData } from './data';
import { readSchemaVersion, runMigrations, type Migration } from './migrations';

export interface DecodeOptions {
  migrations: readonly Migration[];
  /** The version to migrate to; only tests rehearsing a future upgrade pass another. */
  schemaVersion?: number;
  /** Runs before the first migration step, while the file on disk is still the old one. */
  beforeMigrating?: () => Promise<void>;
}

/**
 * Parses `text` (the content of the file `source`), migrates it to the current schema
 * and validates it. Throws a UserError naming `source` when it is not JSON, is from a
 * newer version, or does not match the schema (with the JSON path of the first issue).
 */
export async function decodeStoreText(
  text: string,
  source: string,
  options: DecodeOptions,
): Promise<StoreData> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${source} is not valid JSON (${(error as Error).message}).`);
  }
  const { schemaVersion = CURRENT_SCHEMA_VERSION } = options;
  if (readSchemaVersion(parsed, source, schemaVersion) < schemaVersion) {
    await options.beforeMigrating?.();
    parsed = runMigrations(parsed, options.migrations, source, schemaVersion);
  }
  const result = storeDataSchema.safeParse(parsed);
  if (!result.success) {
    const [first, ...others] = result.error.issues.map(describeIssue);
    throw new UserError(`${source} does not match the store format at ${first}.`, others);
  }
  return result.data;
}

/**
 * Throws when `data` does not match the schema: run on every commit, so that a bug
 * can never write a store.json that the next start would refuse to open.
 */
export function assertValidStoreData(data: StoreData): void {
  const result = storeDataSchema.safeParse(data);
  if (!result.success) {
    throw new Error(
      `Refused to write an invalid store document, at ${result.error.issues.map(describeIssue).join('; ')}.`,
    );
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `${jsonPath(issue.path) || 'the top level'}: ${issue.message}`;
}
