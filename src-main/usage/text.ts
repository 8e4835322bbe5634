/**
 * Reading a file as text without holding it whole: the import's input (hashed and
 * counted as it is read, a byte-order mark dropped) and the lines of any text file.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, pipeline, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

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
  let bytes = 0;
  let first = true;
  let quote = false;
  const text = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
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
