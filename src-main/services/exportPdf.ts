/**
 * `export-pdf`: one PDF per invoice, credit note and marketplace statement (drafts when
 * asked) into a folder the user chose (documents-payments.md §1). Every file already
 * in the folder is checked before the first one is written, so a refusal leaves the
 * folder as it was.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BillingDocument } from '../domain/document';
import { UserError } from '../domain/errors';
import { documentFonts } from '../documents/fonts';
import { existingContent, writeOutputFile } from '../files/output-file';
import { renderPdf, type RenderedPdf } from '../documents/pdf';
import type { Settings } from '../domain/model';
import type { Store } from '../store/store';
import { selectDocuments, type DocumentSelection } from './documents';

export interface ExportPdfOptions extends DocumentSelection {
  /** The folder the files go into (created if missing). */
  outDir: string;
  /** Replace files that are already there and differ (else the export is refused). */
  replace?: boolean;
  /** Called after each document is rendered, for progress. */
  onProgress?: (done: number, total: number) => void;
}

/** A file with these very bytes is left alone, so exporting twice changes nothing. */
export type WriteOutcome = 'written' | 'unchanged' | 'replaced';

export interface ExportedPdf {
  file: string;
  document: string;
  kind: BillingDocument['kind'];
  outcome: WriteOutcome;
  /** Characters the embedded font cannot print (they show as boxes). */
  missing_characters: string[];
}

export async function exportPdfs(
  store: Store,
  options: ExportPdfOptions,
): Promise<{ files: ExportedPdf[] }> {
  const data = store.read();
  const documents = selectDocuments(data, options);
  const outDir = resolve(options.outDir);
  const names = new Map<string, string>();
  for (const { fileName, document } of documents) {
    const earlier = names.get(fileName);
    if (earlier !== undefined) {
      throw new UserError(
        `${earlier} and ${document.reference} would both be written as ${fileName}; change the number format so that numbers differ in letters or digits.`,
      );
    }
    names.set(fileName, document.reference);
  }

  const targets = documents.map((named) => ({ named, path: join(outDir, named.fileName) }));
  if (!options.replace) {
    // Files already there are rendered twice (here and below) so that memory holds one
    // document at a time however many are exported.
    const conflicts: string[] = [];
    for (const { named, path } of targets) {
      if (!existsSync(path)) continue;
      const pdf = await documentPdf(named.document, data.settings);
      if (existingContent(path, pdf.bytes) === 'different') conflicts.push(path);
    }
    if (conflicts.length > 0) {
      throw new UserError(
        `${conflicts.length} file${conflicts.length === 1 ? '' : 's'} in ${outDir} already exist${conflicts.length === 1 ? 's' : ''} with other contents; nothing was written (pass --replace to replace them, or choose an empty folder).`,
        conflicts,
      );
    }
  }

  await mkdir(outDir, { recursive: true });
  const files: ExportedPdf[] = [];
  for (const [index, { named, path }] of targets.entries()) {
    const pdf = await documentPdf(named.document, data.settings);
    files.push({
      file: path,
      document: named.document.reference,
      kind: named.document.kind,
      outcome: writePdf(path, pdf.bytes, store.dir, options.replace === true),
      missing_characters: pdf.missingCharacters,
    });
    options.onProgress?.(index + 1, targets.length);
  }
  return { files };
}

function writePdf(
  path: string,
  bytes: Uint8Array,
  dataDir: string,
  replace: boolean,
): WriteOutcome {
  const state = existingContent(path, bytes);
  if (state === 'same') return 'unchanged';
  writeOutputFile(path, bytes, {
    overwrite: replace,
    overwriteHint: 'with --replace',
    protectedFolders: [{ path: dataDir, role: 'the data folder' }],
  });
  return state === 'absent' ? 'written' : 'replaced';
}

/** The document as a PDF, in the settings' page size, dated so that the same document gives the same bytes. */
export async function documentPdf(
  document: BillingDocument,
  settings: Settings,
): Promise<RenderedPdf> {
  return renderPdf(document, {
    pageSize: settings.page_size,
    fonts: await documentFonts(),
    createdAt: new Date(`${document.date}T00:00:00Z`),
  });
}
