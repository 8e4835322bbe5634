/**
 * Usage import (docs/architecture.md, "Usage storage"): a file in any of the usage
 * formats becomes one import batch, or nothing. The CLI's `import-usage` and the
 * app's import screen call this; batches are listed and rolled back in
 * `usageBatches.ts`, and a bundle's usage is staged by `usage/stage-events.ts`, the
 * same rules on the same path.
 */
import { stat } from 'node:fs/promises';
import { basename, extname, join, dirname } from 'node:path';
import { UserError } from '../domain/errors';
import { recordActivity, type ChangeOrigin } from './activity';
import type { Store } from '../store/store';
import {
  formatRules,
  isUsageFormat,
  readRows,
  sniff,
  USAGE_FORMATS,
  type UsageFormat,
} from '../usage/formats';
import { describeFileError } from '../files/file-errors';
import { checkOutputPath } from '../files/output-file';
import type { RejectsTarget } from '../usage/formats/types';
import { commitStaged, stagingSink } from '../usage/stage-events';
import { UsageStaging, type RowError } from '../usage/staging';
import { openTextInput } from '../usage/text';
import { EVENT_FIELDS, usageContext } from '../usage/validate';

export { USAGE_FORMATS, isUsageFormat, type UsageFormat };
export type { RowError, StagedBatch } from '../usage/staging';

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  /** Data rows read so far. */
  rows: number;
}

export interface ImportUsageOptions extends ChangeOrigin {
  /** Detected from the file's content when absent. */
  format?: UsageFormat;
  /** Field → CSV column to read it from (`{ quantity: 'units' }`). */
  map?: Readonly<Record<string, string>>;
  /** Store the valid rows even when some are rejected. */
  keepValid?: boolean;
  /** Where rejected rows are written; with keepValid and no path, next to the file. */
  rejectsPath?: string;
  /** Replace an existing rejects file (the user asked for it); else it is refused. */
  replaceRejects?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportUsageResult {
  /** The batch stored; null when nothing was (a strict import with rejected rows). */
  batch: string | null;
  format: UsageFormat;
  /** Whether the format was detected rather than named. */
  detected: boolean;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** The first 1,000 rejected rows (MAX_LISTED_ERRORS); `rejected` counts them all. */
  errors: RowError[];
  rejects_file?: string;
}

export async function importUsage(
  store: Store,
  filePath: string,
  options: ImportUsageOptions = {},
): Promise<ImportUsageResult> {
  const map = checkMap(options.map ?? {});
  const totalBytes = await fileSize(filePath);
  const sniffed = await sniff(filePath, options.format);
  if (Object.keys(map).length > 0 && sniffed.format !== 'csv') {
    throw new UserError(`--map applies to CSV files only; this file is ${sniffed.format}.`);
  }
  const keepValid = options.keepValid ?? false;
  const rejectsPath =
    options.rejectsPath ?? (keepValid ? defaultRejectsPath(filePath, sniffed.format) : null);
  const rejects: RejectsTarget | null =
    rejectsPath === null
      ? null
      : {
          path: rejectsPath,
          options: {
            overwrite: options.replaceRejects ?? false,
            overwriteHint: 'with --force',
            inputs: [{ path: filePath, role: 'the file being imported' }],
            protectedFolders: [{ path: store.dir, role: 'the data folder' }],
          },
        };
  // Refused before anything is read: a rejects file that may not be written stops the import.
  if (rejects !== null) checkOutputPath(rejects.path, rejects.options);
  // Before staging: the backup's pruning spares only files written in the last minute.
  await store.backup('before-import');
  const staging = await UsageStaging.start(store, {
    fileName: basename(filePath),
    format: sniffed.format,
    keepValid,
  });
  const sink = stagingSink(staging, formatRules(sniffed.format), usageContext(store.read()));
  const report = () =>
    options.onProgress?.({ bytesRead: input.bytesRead(), totalBytes, rows: sink.rows });
  const input = openTextInput(filePath, report);

  let rejectsFile: string | null;
  try {
    rejectsFile = await readRows(input, sniffed, { map, rejects }, sink);
  } catch (error) {
    staging.discard();
    throw error;
  }
  const staged = await staging.finish(input.sha256());
  await commitStaged(store, staged, (book) => {
    const batch = staged.batch;
    if (batch === null) return;
    recordActivity(book, options, {
      action: 'usage.import',
      subject: batch.id,
      summary: `Imported ${batch.file_name} as usage batch ${batch.id}: ${staged.accepted} accepted, ${staged.duplicates} duplicates, ${staged.rejected} rejected.`,
    });
  });
  report();
  return {
    batch: staged.batch?.id ?? null,
    format: sniffed.format,
    detected: options.format === undefined,
    accepted: staged.accepted,
    duplicates: staged.duplicates,
    rejected: staged.rejected,
    errors: staged.errors,
    ...(rejectsFile === null ? {} : { rejects_file: rejectsFile }),
  };
}

function checkMap(map: Readonly<Record<string, string>>): Record<string, string> {
  for (const [field, column] of Object.entries(map)) {
    if (!(EVENT_FIELDS as readonly string[]).includes(field)) {
      throw new UserError(
        `--map ${field}=${column}: '${field}' is not a usage field (${EVENT_FIELDS.join(', ')}).`,
      );
    }
    if (column === '') throw new UserError(`--map ${field}= names no column.`);
  }
  return { ...map };
}

async function fileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UserError(`'${path}' is not a file.`);
    return info.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`Cannot read '${path}': ${describeFileError(error)}.`);
  }
}

/** `usage.csv` → `usage.rejects.csv`; JSON formats' rejects are always one value per line. */
function defaultRejectsPath(filePath: string, format: UsageFormat): string {
  const extension = extname(filePath);
  const stem = basename(filePath, extension);
  return join(
    dirname(filePath),
    `${stem}.rejects${format === 'csv' ? extension || '.csv' : '.ndjson'}`,
  );
}
