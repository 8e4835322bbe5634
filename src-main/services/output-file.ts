/**
 * Files the desk writes for the user (an export), written so that nothing is ever
 * harmed: the text goes to a temp file beside the target, is fsynced, and only then
 * takes the target's name; an existing file is replaced only when the user asked for
 * it. A failure leaves no partial file. Kept to two small functions with the shapes of
 * the shared file helpers, so either can stand in for the other.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
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

export interface OutputFileOptions {
  /** Replace an existing file: only when the user asked for it (`--force`). */
  overwrite?: boolean;
  /** Folders nothing may be written into (the store's data folder), with what they are. */
  protectedFolders?: readonly { path: string; role: string }[];
}

/** The real path of a file or folder that may not exist yet: its nearest existing ancestor's. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}

/** Refuses, with one sentence, a file or folder inside one of the protected folders. */
export function refuseProtectedPath(
  path: string,
  protectedFolders: OutputFileOptions['protectedFolders'] = [],
): void {
  const target = realPath(path);
  for (const guarded of protectedFolders) {
    const inside = relative(realPath(guarded.path), target);
    if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
      throw new UserError(
        `Refusing to write ${path}: it is inside ${guarded.role} (${guarded.path}), whose files only the store writes. Choose a file outside it.`,
      );
    }
  }
}

/** Writes `content` as the file `path`, whole or not at all. */
export function writeOutputFile(
  path: string,
  content: string,
  options: OutputFileOptions = {},
): void {
  refuseProtectedPath(path, options.protectedFolders);
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
