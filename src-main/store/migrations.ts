/**
 * Numbered migrations of store.json: step n turns a schema-n document into schema n+1.
 * Old files are upgraded at open (after a backup), never guessed at; a file from a
 * newer version of the app is refused rather than misread and overwritten.
 */
import { UserError } from '../domain/errors';
import { CURRENT_SCHEMA_VERSION } from './data';

/** A parsed JSON object, before it is known to match any schema. */
export type JsonObject = Record<string, unknown>;

export interface Migration {
  /** The version this step reads; it produces version `from + 1`. */
  readonly from: number;
  /**
   * Returns the document at version `from + 1`; the runner sets `schemaVersion`. It may
   * change and return its argument: the runner hands it a document nobody else holds.
   */
  migrate(document: JsonObject): JsonObject;
}

/** Every step the app knows, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    // Schema 2 partitions the book on disk (docs/architecture.md, "Store"), and the
    // store writes it out partitioned. What the book holds is unchanged, but schema-1
    // files written before invoice emails and the activity log were kept have neither.
    from: 1,
    migrate: (document) => ({ email_records: [], activity: [], ...document }),
  },
];

/**
 * The document's `schemaVersion`. Throws a UserError when there is none, or when it
 * is newer than `targetVersion` (a newer version of the app wrote the file).
 */
export function readSchemaVersion(
  document: unknown,
  source: string,
  targetVersion = CURRENT_SCHEMA_VERSION,
): number {
  const version = isJsonObject(document) ? document.schemaVersion : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new UserError(
      `${source} is not a Nexus Billing store: $.schemaVersion must be a whole number from 1.`,
    );
  }
  if (version > targetVersion) {
    throw new UserError(
      `${source} was written by a newer version of Nexus Billing (schema ${version}); this version reads up to ${targetVersion}.`,
    );
  }
  return version;
}

/**
 * Upgrades `document` to `targetVersion` with `steps`, in order. A step that throws
 * aborts the whole run: the caller writes nothing, so the file stays as it was.
 */
export function runMigrations(
  document: unknown,
  steps: readonly Migration[],
  source: string,
  targetVersion = CURRENT_SCHEMA_VERSION,
): JsonObject {
  let version = readSchemaVersion(document, source, targetVersion);
  let current = document as JsonObject;
  while (version < targetVersion) {
    const step = steps.find((candidate) => candidate.from === version);
    if (!step) throw new Error(`No migration from schema ${version} to ${version + 1}.`);
    try {
      current = { ...step.migrate(current), schemaVersion: version + 1 };
    } catch (error) {
      throw new Error(
        `Migrating ${source} from schema ${version} to ${version + 1} failed: ${String(error)}`,
        { cause: error },
      );
    }
    version += 1;
  }
  return current;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
