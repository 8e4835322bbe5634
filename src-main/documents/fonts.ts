/**
 * The DejaVu Sans files the documents embed, read once per process from the
 * dejavu-fonts-ttf package (a permissive licence, and glyphs for Latin, Greek and
 * Cyrillic scripts and the currency signs).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FontFiles } from './pdf';

const packageFiles = createRequire(import.meta.url);
let loading: Promise<FontFiles> | null = null;

export function documentFonts(): Promise<FontFiles> {
  loading ??= Promise.all([
    readFile(packageFiles.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    readFile(packageFiles.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return loading;
}
