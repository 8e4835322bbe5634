/**
 * How the desk writes a file into a folder the user chose: whole or not at all (a temp
 * file in the same folder, then a rename or a link), and never over a file that is
 * already there unless asked to. A file that already holds exactly these bytes is left
 * alone, so exporting twice changes nothing.
 */
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../domain/errors';

export type WriteOutcome = 'written' | 'unchanged' | 'replaced';

/** What is at `path` now: nothing, these very bytes, or something else. */
export async function existingState(
  path: string,
  bytes: Uint8Array,
): Promise<'absent' | 'same' | 'different'> {
  try {
    return (await readFile(path)).equals(bytes) ? 'same' : 'different';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'absent';
    if (code === 'EISDIR') return 'different';
    throw error;
  }
}

export async function writeOutputFile(
  path: string,
  bytes: Uint8Array,
  options: { replace?: boolean } = {},
): Promise<WriteOutcome> {
  const state = await existingState(path, bytes);
  if (state === 'same') return 'unchanged';
  if (state === 'different' && !options.replace) {
    throw new UserError(`${path} already exists; it was left as it is.`);
  }
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temp, bytes, { flag: 'wx' });
  try {
    if (state === 'different') {
      await rename(temp, path);
      return 'replaced';
    }
    // A link fails when the name was taken meanwhile, where a rename would replace it.
    await link(temp, path);
    return 'written';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UserError(`${path} appeared while it was being written; it was left as it is.`);
    }
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}
