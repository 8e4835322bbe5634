/**
 * The font files the documents embed, read once per process from their packages:
 *
 * - DejaVu Sans, for every document: Latin, Greek and Cyrillic scripts and the
 *   currency signs (a permissive licence);
 * - Noto Sans JP, read only when a document holds characters DejaVu has none for:
 *   Japanese, and the Chinese characters Japanese shares (SIL Open Font License).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { DocumentFonts, FontFiles } from './pdf';

const packageFiles = createRequire(import.meta.url);

const readFonts = (regular: string, bold: string): Promise<FontFiles> =>
  Promise.all([readFile(packageFiles.resolve(regular)), readFile(packageFiles.resolve(bold))]).then(
    ([regularFile, boldFile]) => ({ regular: regularFile, bold: boldFile }),
  );

let primary: Promise<FontFiles> | null = null;
let fallback: Promise<FontFiles> | null = null;

export async function documentFonts(): Promise<DocumentFonts> {
  primary ??= readFonts(
    'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
    'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  );
  return {
    primary: await primary,
    fallback: () =>
      (fallback ??= readFonts(
        '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
        '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
      )),
  };
}
