/**
 * Reading a file as text without holding it whole: the import's input (hashed and
 * counted as it is read, strictly UTF-8, a byte-order mark dropped) and the lines of
 * any text file.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Transform, pipeline, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { UserError } from '../domain/errors';
import { firstInvalidUtf8, lineOfOffset, utf8Place } from '../files/utf8';

export interface TextInput {
  /** The file's text in pieces (object mode: strings, never a character cut in two). */
  text: Readable;
  /** Bytes read so far. */
  bytesRead(): number;
  /** SHA-256 (hex) of the bytes read; complete once `text` has ended. */
  sha256(): string;
  /**
   * Whether any piece so far held a double quote. Pieces pass here before a parser
   * sees them, so while this is false no quoted field (and no line break inside one)
   * has been read.
   */
  quoteSeen(): boolean;
}

/** Reads in 1 MiB pieces: fewer callbacks than the default 64 KiB, and little memory. */
const PIECE = 1 << 16;

/** `onPiece` is called after each piece is read (progress). */
export function openTextInput(path: string, onPiece: () => void = () => undefined): TextInput {
  const hash = createHash('sha256');
  // Node's StringDecoder replaces invalid bytes with U+FFFD; a strict TextDecoder would
  // throw instead, but decodes about four times slower. So the bytes are checked only
  // when a piece holds U+FFFD: it was either replaced (refused) or in the file as it is.
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  let first = true;
  let quote = false;
  /** The last bytes read: a character cut between two pieces starts there. */
  let tail: Buffer = Buffer.alloc(0);
  const text = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      const start = bytes;
      bytes += chunk.length;
      let piece = decoder.write(chunk);
      if (piece.includes(REPLACEMENT)) {
        const window = Buffer.concat([tail, chunk]);
        const invalid = firstInvalidUtf8(window, heldBackStart(tail), { cutEnd: 'valid' });
        if (invalid >= 0) {
          invalidUtf8(path, start - tail.length + invalid).then(done, done);
          return;
        }
      }
      tail = chunk.length >= 3 ? chunk.subarray(-3) : Buffer.concat([tail, chunk]).subarray(-3);
      if (first && piece.length > 0) {
        first = false;
        if (piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
      }
      quote ||= piece.includes('"');
      done(null, piece === '' ? undefined : piece);
      onPiece();
    },
    flush(done) {
      const rest = decoder.end();
      // What the decoder still holds at the end is a character the file cuts short.
      if (rest.includes(REPLACEMENT)) {
        invalidUtf8(path, bytes - tail.length + heldBackStart(tail)).then(done, done);
        return;
      }
      done(null, rest === '' ? undefined : rest);
    },
  });
  // Errors of the file (unreadable, vanished) reach `text`, where the reader sees them.
  pipeline(createReadStream(path, { highWaterMark: PIECE }), text, () => undefined);
  return {
    text,
    bytesRead: () => bytes,
    sha256: () => hash.copy().digest('hex'),
    quoteSeen: () => quote,
  };
}

const REPLACEMENT = '\ufffd';

/**
 * The error for the invalid byte at `offset`; its line is counted by reading the file
 * up to it again, which only a refused file pays for.
 */
async function invalidUtf8(path: string, offset: number): Promise<UserError> {
  let line = 1;
  let read = 0;
  for await (const piece of createReadStream(path, { end: Math.max(offset - 1, 0) })) {
    const bytes = piece as Buffer;
    line += lineOfOffset(bytes, Math.min(bytes.length, offset - read)) - 1;
    read += bytes.length;
  }
  return new UserError(
    `${basename(path)} is not valid UTF-8 at ${utf8Place(line, offset)}; save it as UTF-8 and import it again. Nothing was imported.`,
  );
}

/** Where in `tail` the character the decoder held back (cut by the piece's end) begins. */
function heldBackStart(tail: Buffer): number {
  for (let index = tail.length - 1; index >= 0; index--) {
    const byte = tail[index] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return tail.length - index < length ? index : tail.length;
  }
  return tail.length;
}

/**
 * The lines of a text, split on `\n` (a `\r` before it stays: JSON ignores it), the
 * last one even without a line break. Yielded a piece's worth at a time: one await
 * per piece rather than per line.
 */
export async function* lineBatches(pieces: AsyncIterable<string>): AsyncGenerator<string[]> {
  let carry = '';
  for await (const piece of pieces) {
    const lines = (carry + piece).split('\n');
    carry = lines.pop() as string;
    if (lines.length > 0) yield lines;
  }
  if (carry !== '') yield [carry];
}
