/**
 * `marketplace-export`: the period's marketplace usage records written as request files,
 * one folder per marketplace (documents-payments.md §5). A file already there with the
 * same content is left as it is, so exporting a period twice gives the same files; one
 * with other content is never written over unless the user asks.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isPeriod } from '../domain/dates';
import { UserError } from '../domain/errors';
import { marketplaceRecords, type Rounding } from '../domain/marketplace-records';
import type { Store } from '../store/store';
import { existingContent, refuseProtectedPath, writeOutputFile } from '../files/output-file';

export interface MarketplaceExportOptions {
  period: string;
  out: string;
  /** Replace files of an earlier export whose content differs (the user asked for it). */
  overwrite?: boolean;
}

export interface MarketplaceExportResult {
  files: string[];
  records: number;
  roundings: Rounding[];
}

export function exportMarketplaceRecords(
  store: Store,
  options: MarketplaceExportOptions,
): MarketplaceExportResult {
  if (!isPeriod(options.period)) {
    throw new UserError(`'${options.period}' is not a period YYYY-MM.`);
  }
  const protectedFolders = [{ path: store.dir, role: 'the data folder' }];
  refuseProtectedPath(options.out, protectedFolders);
  const data = store.read();
  const records = marketplaceRecords(data, options.period);
  const planned = records.files.map((file) => ({
    ...file,
    path: join(options.out, file.marketplace, file.name),
  }));
  const changed = planned.filter(
    (file) => existingContent(file.path, Buffer.from(file.text)) === 'different',
  );
  if (changed.length > 0 && options.overwrite !== true) {
    throw new UserError(
      `Refusing to write ${changed[0]?.path ?? ''}: a different file is already there (${changed.length} in all); choose another folder, or replace them on purpose (--force).`,
    );
  }
  for (const file of planned) {
    if (existingContent(file.path, Buffer.from(file.text)) === 'same') continue;
    mkdirSync(join(options.out, file.marketplace), { recursive: true });
    writeOutputFile(file.path, file.text, {
      overwrite: options.overwrite,
      overwriteHint: 'with --force',
      protectedFolders,
    });
  }
  return {
    files: planned.map((file) => file.path),
    records: records.records,
    roundings: records.roundings,
  };
}
