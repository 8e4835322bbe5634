/**
 * Text files are read as UTF-8 strictly: an invalid byte is refused with its place,
 * never replaced by U+FFFD. A replaced byte would silently change a customer id, an
 * event id or a name, and the change would be stored, deduplicated and billed.
 */

const FATAL = new TextDecoder('utf-8', { fatal: true });

/**
 * The offset of the first byte that is not part of valid UTF-8, or -1 when all is
 * valid. With `cutEnd: 'valid'` a character that the end of `bytes` cuts short counts
 * as valid so far: the next piece of a stream may complete it.
 */
export function firstInvalidUtf8(
  bytes: Uint8Array,
  from = 0,
  { cutEnd = 'invalid' }: { cutEnd?: 'valid' | 'invalid' } = {},
): number {
  let index = from;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
    if (length === 0) return index;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const second = bytes[index + 1];
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (second === undefined) return cutEnd === 'valid' ? -1 : index;
    if (second < low || second > high) return index;
    for (let next = 2; next < length; next++) {
      const byte = bytes[index + next];
      if (byte === undefined) return cutEnd === 'valid' ? -1 : index;
      if (byte < 0x80 || byte > 0xbf) return index;
    }
    index += length;
  }
  return -1;
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

/** How a place in a file is told: "line 3, byte offset 57". */
export function utf8Place(line: number, offset: number): string {
  return `line ${line}, byte offset ${offset}`;
}

/** The text of a whole file, or the place of its first invalid byte. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { line: number; offset: number } {
  try {
    return { text: FATAL.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return { line: lineOfOffset(bytes, offset), offset };
  }
}
