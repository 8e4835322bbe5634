/**
 * The system's file errors (ENOSPC, EISDIR…) in words a person reads, so that a full
 * disk or a missing folder is one sentence naming the file, never a stack trace.
 */

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'it already exists',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large for this file system',
  EROFS: 'the file system is read-only',
  EIO: 'the disk reported an input/output error',
  EMFILE: 'too many files are open',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EBUSY: 'another program holds it',
  EPIPE: 'the program reading the output stopped (a closed pipe)',
};

const VERBS: Readonly<Record<string, string>> = {
  open: 'open',
  read: 'read',
  stat: 'read',
  lstat: 'read',
  scandir: 'list',
  write: 'write',
  writev: 'write',
  fsync: 'write',
  close: 'write',
  rename: 'replace',
  link: 'create',
  mkdir: 'create the folder',
  unlink: 'delete',
  rm: 'delete',
};

function codeOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** What went wrong, in words: "the disk is full"; the system's message for a rarer error. */
export function describeFileError(error: unknown): string {
  const code = codeOf(error);
  if (code !== undefined && DESCRIPTIONS[code] !== undefined) return DESCRIPTIONS[code];
  return error instanceof Error ? error.message : String(error);
}

/**
 * One sentence for a file error of the system that reached the top unexplained
 * ("Cannot write /x/out.json: the disk is full."), or null when it is no such error.
 */
export function fileErrorSentence(error: unknown): string | null {
  const code = codeOf(error);
  if (!(error instanceof Error) || code === undefined || DESCRIPTIONS[code] === undefined) {
    return null;
  }
  const { syscall, path } = error as NodeJS.ErrnoException;
  const verb = (syscall === undefined ? undefined : VERBS[syscall]) ?? 'use';
  return `Cannot ${verb} ${path ?? 'a file'}: ${DESCRIPTIONS[code]}.`;
}
