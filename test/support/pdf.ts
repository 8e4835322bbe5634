/** Reading PDFs back as a person's tools would: text with pdftotext, facts with pdfinfo. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The PDF's text as laid out on the page (a total and its amount on one line). */
export async function pdfText(path: string): Promise<string> {
  return (await run('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'])).stdout;
}

/** The text of one page (1-based). */
export async function pdfPageText(path: string, page: number): Promise<string> {
  const pageArgs = ['-f', String(page), '-l', String(page)];
  return (await run('pdftotext', ['-layout', '-enc', 'UTF-8', ...pageArgs, path, '-'])).stdout;
}

/** `pdfinfo`'s fields (Pages, Page size, Title…). */
export async function pdfInfo(path: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', [path]);
  return Object.fromEntries(
    stdout
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
      }),
  );
}

/** The names of the fonts the PDF embeds (`pdffonts`), subset prefixes included. */
export async function pdfFonts(path: string): Promise<string[]> {
  const { stdout } = await run('pdffonts', [path]);
  // Two header lines, then a font a line, its name first.
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(/\s+/)[0]!);
}
