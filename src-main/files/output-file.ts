/**
 * Writing a file the user asked for (a dump, a rejects file, an export) without ever
 * harming another file. The rules, the same for every command (docs/architecture.md,
 * "Files the desk writes for the user"):
 *
 * - the text goes to a hidden temp file in the target's folder, which is fsynced and
 *   only then given the target's name: a failure (a full disk, a kill) leaves no
 *   partial file, and the folder as it was;
 * - an existing file is never replaced unless the caller says the user asked for it
 *   (`overwrite`, the commands' `--force`); without it the final name is taken with a
 *   hard link, which fails when the name exists, so no race can clobber a file either;
 * - never a file the command reads (`inputs`: compared as files, so a link or another
 *   spelling of the path is caught), never anything inside a protected folder (the
 *   store's data folder, written only by the store);
 * - every refusal and every failure of the system is one sentence naming the file.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  readFileSync,
  fsyncSync,
  linkSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, relative, isAbsolute } from 'node:path';
import { UserError } from '../domain/errors';
import { describeFileError } from './file-errors';

export interface ProtectedInput {
  path: string;
  /** What the file is to the command, for the refusal: "the file being imported". */
  role: string;
}

export interface OutputFileOptions {
  /** Replace an existing file: only when the user asked for it (`--force`). */
  overwrite?: boolean;
  /** The command's own inputs, never written over. */
  inputs?: readonly ProtectedInput[];
  /** Folders nothing may be written into (the store's data folder), with what they are. */
  protectedFolders?: readonly ProtectedInput[];
  /** How the user asks to replace an existing file, for the refusal ("use --force"). */
  overwriteHint?: string;
  /** Writes bytes to the open temp file: a seam for tests that simulate a failing disk. */
  writeBytes?: (fd: number, bytes: Uint8Array) => void;
}

/** Bytes gathered before one write: few system calls for a dump of millions of lines. */
const BUFFER_BYTES = 1 << 20;

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UserError(`Cannot write ${path}: ${describeFileError(error)}.`);
  }
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real path of a file or folder that may not exist (yet): its nearest existing ancestor's. */
function realFolder(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realFolder(parent), basename(path));
  }
}

/**
 * Refuses, with one sentence, a file or folder (existing or not) inside a protected
 * folder: an export folder is checked with this before anything is made in it.
 */
export function refuseProtectedPath(
  path: string,
  protectedFolders: readonly ProtectedInput[] = [],
): void {
  const realTarget = realFolder(path);
  for (const guarded of protectedFolders) {
    if (isInside(realFolder(guarded.path), realTarget)) {
      throw new UserError(
        `Refusing to write ${path}: it is inside ${guarded.role} (${guarded.path}), whose files only the store writes. Choose a file outside it.`,
      );
    }
  }
}

/**
 * Refuses, with one sentence, an output path that must not be written: over an input,
 * inside a protected folder, over an existing file without `overwrite`, a folder, or
 * into a folder that is not there. Nothing is written; `OutputFile.open` checks the
 * same, so commands call this first only to refuse before long work.
 */
export function checkOutputPath(path: string, options: OutputFileOptions = {}): void {
  const folder = dirname(path);
  const folderInfo = statOrNull(folder);
  if (folderInfo === null) {
    throw new UserError(`Cannot write ${path}: the folder ${folder} does not exist.`);
  }
  if (!folderInfo.isDirectory()) {
    throw new UserError(`Cannot write ${path}: ${folder} is a file, not a folder.`);
  }
  refuseProtectedPath(path, options.protectedFolders);
  const existing = statOrNull(path);
  if (existing === null) return;
  for (const input of options.inputs ?? []) {
    const inputInfo = statOrNull(input.path);
    if (inputInfo !== null && inputInfo.dev === existing.dev && inputInfo.ino === existing.ino) {
      throw new UserError(
        `Refusing to write ${path}: it is ${input.role}. Choose another file for the output.`,
      );
    }
  }
  if (existing.isDirectory()) {
    throw new UserError(`Cannot write ${path}: it is a folder; name a file.`);
  }
  if (options.overwrite !== true) {
    const hint = options.overwriteHint === undefined ? '' : ` (${options.overwriteHint})`;
    throw new UserError(
      `Refusing to write ${path}: the file already exists. Choose another name, or replace it on purpose${hint}.`,
    );
  }
}

/** A file being written: invisible under its name until `commit`. */
export class OutputFile {
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly temp: string,
    private readonly fd: number,
    private readonly options: OutputFileOptions,
  ) {}

  /** Checks the path (`checkOutputPath`) and opens a new temp file beside it. */
  static open(path: string, options: OutputFileOptions = {}): OutputFile {
    checkOutputPath(path, options);
    const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
    let fd: number;
    try {
      fd = openSync(temp, 'wx');
    } catch (error) {
      throw new UserError(`Cannot write ${path}: ${describeFileError(error)}.`);
    }
    return new OutputFile(path, temp, fd, options);
  }

  write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.used + text.length * 3 > BUFFER_BYTES) {
      this.flush();
      if (text.length * 3 > BUFFER_BYTES) return this.writeBytes(Buffer.from(text, 'utf8'));
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  writeBytes(bytes: Uint8Array): void {
    this.flush();
    this.output(bytes);
  }

  /** Makes the whole file durable and gives it its name; then it is there, whole. */
  commit(): void {
    this.guard(() => {
      this.flush();
      fsyncSync(this.fd);
      this.close();
      if (this.options.overwrite === true) renameSync(this.temp, this.path);
      else this.linkIntoPlace();
    });
    syncFolder(dirname(this.path));
  }

  /** Deletes the temp file: nothing of this output remains. */
  abandon(): void {
    this.close();
    rmSync(this.temp, { force: true });
  }

  private linkIntoPlace(): void {
    try {
      linkSync(this.temp, this.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Some file systems (FAT, some network shares) have no hard links.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
      if (statOrNull(this.path) !== null)
        throw Object.assign(new Error('exists'), { code: 'EEXIST' });
      renameSync(this.temp, this.path);
      return;
    }
    rmSync(this.temp, { force: true });
  }

  private output(bytes: Uint8Array): void {
    this.guard(() => {
      const write = this.options.writeBytes ?? defaultWriteBytes;
      write(this.fd, bytes);
    });
  }

  private flush(): void {
    if (this.used === 0) return;
    const pending = this.buffer.subarray(0, this.used);
    this.used = 0;
    this.output(pending);
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  /** Runs a step of the write; on failure removes the temp file and says why in one sentence. */
  private guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      this.abandon();
      const reason =
        (error as NodeJS.ErrnoException).code === 'EEXIST'
          ? 'the file appeared while it was being written'
          : describeFileError(error);
      throw new UserError(`Cannot write ${this.path}: ${reason}; nothing was written.`);
    }
  }
}

function defaultWriteBytes(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
}

/** Makes the new name durable. Windows cannot open a folder for it (NTFS journals names). */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes a whole text or byte content as one output file (`OutputFile`'s rules). */
export function writeOutputFile(
  path: string,
  content: string | Uint8Array,
  options: OutputFileOptions = {},
): void {
  const file = OutputFile.open(path, options);
  if (typeof content === 'string') file.write(content);
  else file.writeBytes(content);
  file.commit();
}

/** What is at `path` now: nothing, these very bytes, or something else (a folder counts as else). */
export function existingContent(path: string, bytes: Uint8Array): 'absent' | 'same' | 'different' {
  const existing = statOrNull(path);
  if (existing === null) return 'absent';
  if (!existing.isFile() || existing.size !== bytes.length) return 'different';
  return readFileSync(path).equals(bytes) ? 'same' : 'different';
}
