/**
 * The outbox: invoice emails waiting to be sent, as `.eml` files any mail client opens
 * (documents-payments.md §2). By default it is `outbox/` in the data folder, which only
 * the store writes; the desk may also be given a folder of the user's. A message is
 * written whole and durably before it is recorded, and once sent it moves to `sent/`
 * beside it, so no message is ever deleted.
 */
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from './durable-file';

export const OUTBOX_DIR = 'outbox';
export const SENT_DIR = 'sent';

/** The data folder's outbox. */
export function defaultOutbox(dataDir: string): string {
  return join(dataDir, OUTBOX_DIR);
}

/** Writes a new message `name` (unique: the caller names it by number, time and a random tag). */
export async function writeOutboxMessage(
  outbox: string,
  name: string,
  message: Uint8Array,
): Promise<string> {
  await mkdir(outbox, { recursive: true });
  const path = join(outbox, name);
  await writeFileDurably(path, '', (file) => file.writeFile(message));
  return path;
}

/** The names of the messages waiting, oldest name first. */
export async function listOutboxMessages(outbox: string): Promise<string[]> {
  try {
    return (await readdir(outbox)).filter((name) => name.endsWith('.eml')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export function readOutboxMessage(outbox: string, name: string): Promise<Buffer> {
  return readFile(join(outbox, name));
}

/** Moves a delivered message to `sent/`; returns its new path. */
export async function moveToSent(outbox: string, name: string): Promise<string> {
  const sent = join(outbox, SENT_DIR);
  await mkdir(sent, { recursive: true });
  const target = join(sent, name);
  await rename(join(outbox, name), target);
  return target;
}
