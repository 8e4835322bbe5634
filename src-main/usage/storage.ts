/**
 * Reading the files a batch lists: segment lines (checked against the size and
 * SHA-256 the batch recorded, so a damaged file fails loudly instead of billing
 * wrong) and dedupe indexes.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../domain/errors';
import type { UsageBatch, UsageSegment } from '../store/data';

/** Batches whose events are stored (not rolled back), in import order. */
export function liveBatches<B extends UsageBatch>(data: {
  readonly usage_batches: readonly B[];
}): B[] {
  return data.usage_batches
    .filter((batch) => batch.rolled_back_at === null)
    .sort((a, b) => a.seq - b.seq);
}

/**
 * Characters of whole lines decoded at a time (about 190 events): read a megabyte at
 * a time, but decoded a megabyte at a time the events of a whole piece (11,000)
 * were alive at every minor GC, copied and promoted, and the old generation then
 * collected them: GC was a fifth of a bill run.
 */
const DECODED_CHARS = 1 << 14;

const NEWLINE = 0x0a;

/**
 * A segment's lines in order, cut into pieces of whole lines (about DECODED_CHARS
 * each) and each piece turned into one item per line by `decode` (which gets the
 * piece's text, its last line possibly without its line break), failing if the file
 * is not the one recorded: size checked first, SHA-256 and line count at the end.
 */
export async function* decodeSegment<T>(
  usageDir: string,
  segment: UsageSegment,
  decode: (lines: string) => T[],
): AsyncGenerator<T[]> {
  const path = join(usageDir, segment.file);
  const size = await sizeOf(path);
  if (size === null) throw damagedUsageFile(path, segment.file, 'it is missing');
  if (size !== segment.bytes) {
    throw damagedUsageFile(
      path,
      segment.file,
      `it has ${size} bytes, ${segment.bytes} were written`,
    );
  }
  const hash = createHash('sha256');
  let count = 0;
  const decodeLines = (text: string): T[] => {
    const items = decode(text);
    count += items.length;
    return items;
  };
  // Cut at the last line break in bytes (in UTF-8 a 0x0A byte is always a line break,
  // never part of a character), so each piece decodes alone: a string decoder and
  // joining its text to the carried end of the last piece cost twice the decoding.
  let carry: Buffer | null = null;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    const bytes: Buffer =
      carry === null ? (chunk as Buffer) : Buffer.concat([carry, chunk as Buffer]);
    const cut = bytes.lastIndexOf(NEWLINE) + 1;
    carry = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : null;
    const text = bytes.toString('utf8', 0, cut);
    for (let at = 0; at < text.length;) {
      const next = text.indexOf('\n', Math.min(at + DECODED_CHARS, text.length - 1)) + 1;
      yield decodeLines(text.slice(at, next));
      at = next;
    }
  }
  if (carry !== null) yield decodeLines(carry.toString('utf8'));
  if (hash.digest('hex') !== segment.sha256 || count !== segment.events) {
    throw damagedUsageFile(path, segment.file, 'it does not match what was written');
  }
}

/** The lines of a segment in order, a piece at a time (see `decodeSegment`). */
export function segmentLineBatches(
  usageDir: string,
  segment: UsageSegment,
): AsyncGenerator<string[]> {
  return decodeSegment(usageDir, segment, splitLines);
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Reads the indexes of the batches straight into one array and sorts it: what a new
 * import is checked against. 8 bytes per stored event, nothing else.
 */
export async function loadHashIndex(
  usageDir: string,
  batches: readonly UsageBatch[],
): Promise<Float64Array> {
  const indexed = batches.filter((batch) => batch.index !== null);
  const hashes = new Float64Array(indexed.reduce((total, batch) => total + batch.accepted, 0));
  let offset = 0;
  for (const batch of indexed) {
    const name = batch.index as string;
    const target = new Uint8Array(hashes.buffer, offset * 8, batch.accepted * 8);
    const path = join(usageDir, name);
    const size = await sizeOf(path);
    if (size === null) throw damagedUsageFile(path, name, 'it is missing');
    if (size !== target.length) {
      throw damagedUsageFile(path, name, `it has ${size} bytes, ${target.length} were written`);
    }
    const file = await open(path);
    try {
      for (let read = 0; read < target.length;) {
        read += (await file.read(target, read, target.length - read, read)).bytesRead;
      }
    } finally {
      await file.close();
    }
    offset += batch.accepted;
  }
  // Each index is sorted already; one batch needs no merge.
  return indexed.length > 1 ? hashes.sort() : hashes;
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The sentence for a damaged or missing usage file: which file, and the way out,
 * rolling back the batch it belongs to (its name starts with the batch id).
 */
export function damagedUsageFile(path: string, file: string, problem: string): UserError {
  const batch = /(?:^|\/)(b\d+)-/.exec(file)?.[1] ?? 'it belongs to';
  return new UserError(
    `The usage file ${path} is damaged (${problem}); roll back batch ${batch} (nexus-billing rollback-batch ${batch}) and import its file again, or restore the newest backup.`,
  );
}
