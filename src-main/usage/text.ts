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
import { lineAtOffset, utf8Place, Utf8Check } from '../files/utf8';

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
  const decoder = new StringDecoder('utf8');
  // StringDecoder would replace an invalid byte with U+FFFD: the bytes are checked first.
  const utf8 = new Utf8Check();
  let bytes = 0;
  let first = true;
  let quote = false;
  const text = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      const invalid = utf8.push(chunk);
      if (invalid >= 0) {
        invalidUtf8(path, invalid).then(done, done);
        return;
      }
      let piece = decoder.write(chunk);
      if (first && piece.length > 0) {
        first = false;
        if (piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
      }
      quote ||= piece.includes('"');
      done(null, piece === '' ? undefined : piece);
      onPiece();
    },
    flush(done) {
      const invalid = utf8.end();
      if (invalid >= 0) {
        invalidUtf8(path, invalid).then(done, done);
        return;
      }
      const rest = decoder.end();
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

/** The error for the invalid byte at `offset`. */
async function invalidUtf8(path: string, offset: number): Promise<UserError> {
  const line = await lineAtOffset(path, offset);
  return new UserError(
    `${basename(path)} is not valid UTF-8 at ${utf8Place(line, offset)}; save it as UTF-8 and import it again. Nothing was imported.`,
  );
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
