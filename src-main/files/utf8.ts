/**
 * Text files are read as UTF-8 strictly: an invalid byte is refused with its place,
 * never replaced by U+FFFD. A replaced byte would silently change a customer id, an
 * event id or a name, and the change would be stored, deduplicated and billed.
 * Checking is Node's `isUtf8` (simdutf, a few milliseconds for 64 MB); only a file
 * that fails it is walked byte by byte to find the place.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';

/** The offset of the first byte that is not part of valid UTF-8, or -1 when all is valid. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let index = from;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const length = sequenceLength(lead);
    if (length < 2) return index;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const second = bytes[index + 1];
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (second === undefined || second < low || second > high) return index;
    for (let next = 2; next < length; next++) {
      const byte = bytes[index + next];
      if (byte === undefined || byte < 0x80 || byte > 0xbf) return index;
    }
    index += length;
  }
  return -1;
}

/** Bytes of the character a lead byte starts: 1 to 4, or 0 when it can start none. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Where a character cut short by the end of `bytes` begins; `bytes.length` when none is. */
function cutCharacterStart(bytes: Uint8Array): number {
  for (let index = bytes.length - 1; index >= Math.max(0, bytes.length - 3); index--) {
    const byte = bytes[index] as number;
    if ((byte & 0xc0) === 0x80) continue;
    return bytes.length - index < sequenceLength(byte) ? index : bytes.length;
  }
  return bytes.length;
}

/**
 * Checks a stream's bytes piece by piece, a character cut between two pieces
 * included: `push` and `end` give the stream offset of the first invalid byte, or -1.
 */
export class Utf8Check {
  private carry: Uint8Array = new Uint8Array(0);
  private offset = 0;

  push(piece: Uint8Array): number {
    const bytes = this.carry.length === 0 ? piece : Buffer.concat([this.carry, piece]);
    const start = this.offset - this.carry.length;
    this.offset += piece.length;
    const whole = cutCharacterStart(bytes);
    if (!isUtf8(bytes.subarray(0, whole))) return start + firstInvalidUtf8(bytes);
    this.carry = Uint8Array.from(bytes.subarray(whole));
    return -1;
  }

  /** At the end of the stream a character still cut short is invalid. */
  end(): number {
    return this.carry.length === 0 ? -1 : this.offset - this.carry.length;
  }
}

/** Line (1-based) of a byte offset: the line feeds before it, plus one. */
export function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (
    let index = bytes.indexOf(10);
    index >= 0 && index < offset;
    index = bytes.indexOf(10, index + 1)
  ) {
    line += 1;
  }
  return line;
}

/** The line of a byte offset of a file, read again up to it: only a refused file pays for it. */
export async function lineAtOffset(path: string, offset: number): Promise<number> {
  let line = 1;
  if (offset === 0) return line;
  for await (const piece of createReadStream(path, { end: offset - 1 })) {
    const bytes = piece as Buffer;
    line += lineOfOffset(bytes, bytes.length) - 1;
  }
  return line;
}

/** How a place in a file is told: "line 3, byte offset 57". */
export function utf8Place(line: number, offset: number): string {
  return `line ${line}, byte offset ${offset}`;
}
