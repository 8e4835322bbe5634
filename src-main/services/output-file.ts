/**
 * Files the desk writes for the user (an export), written so that nothing is ever
 * harmed: the text goes to a temp file beside the target, is fsynced, and only then
 * takes the target's name; an existing file is replaced only when the user asked for
 * it. A failure leaves no partial file. Kept to two small functions with the shapes of
 * the shared file helpers, so either can stand in for the other.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../domain/errors';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet would run as a formula ("CSV injection") gets a leading
 * `'`, which spreadsheets read as "this is text".
 */
export function spreadsheetSafeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const REASONS: Readonly<Record<string, string>> = {
  EEXIST: 'the file already exists; choose another name, or replace it on purpose (--force)',
  ENOENT: 'its folder does not exist',
  EISDIR: 'it is a folder; name a file',
  EACCES: 'permission denied',
  ENOSPC: 'the disk is full',
};

/** Writes `content` as the file `path`, whole or not at all. */
export function writeOutputFile(
  path: string,
  content: string,
  options: { overwrite?: boolean } = {},
): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeSync(fd, content, null, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // A hard link fails when the name exists, so no file appearing meanwhile is replaced.
    if (options.overwrite === true) renameSync(temp, path);
    else linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = REASONS[code] ?? (error as Error).message;
    throw new UserError(`Cannot write ${path}: ${reason}.`);
  } finally {
    rmSync(temp, { force: true });
  }
}
