/**
 * What lets a thousand invoice PDFs share the work of their fonts (docs/performance.md):
 *
 * - the font file is parsed once per process, not once per document;
 * - text is mapped to glyphs through the font's character map only. pdf-lib asks
 *   fontkit for a full OpenType layout of every string, then uses nothing but the
 *   glyphs (it ignores kerning positions); DejaVu's layout tables made that most of
 *   the drawing time. A one-to-one mapping also keeps ligatures out, so every
 *   character a reader copies out of the PDF is the character written;
 * - every document's subset starts with the same glyphs (`COMMON_CHARACTERS`), so
 *   most documents need the same subset: its encoded bytes and their compression are
 *   made once and reused;
 * - a subset's glyph records are padded to an even length (`evenGlyphRecords`).
 */
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import { Readable } from 'node:stream';
import { deflateSync } from 'node:zlib';

/** Printable ASCII and the symbols invoices print in every locale. */
export const COMMON_CHARACTERS =
  Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)).join('') +
  '\u00a0\u202f€£¥₹©·•–—‘’“”…×';

type Font = ReturnType<typeof fontkit.create>;
type Glyph = ReturnType<Font['glyphForCodePoint']>;
type Subset = ReturnType<Font['createSubset']>;

const LIMIT = 64;
const parsedFonts = new Map<Uint8Array, Font>();
const encodedSubsets = new Map<string, Uint8Array>();
/** By length, then compared byte for byte: pdf-lib hands over a fresh copy each time. */
const compressedBytes = new Map<number, { bytes: Buffer; compressed: Uint8Array }>();
const compressedTexts = new Map<string, Uint8Array>();

/** A fontkit for `PDFDocument.registerFontkit` that reuses fonts and subsets across documents. */
export const reusingFontkit = {
  create(data: Uint8Array): Font {
    let font = parsedFonts.get(data);
    if (!font) {
      font = reusable(fontkit.create(data));
      parsedFonts.set(data, font);
    }
    return font;
  },
};

function reusable(font: Font): Font {
  const glyphs = new Map<number, Glyph>();
  const glyphFor = (codePoint: number): Glyph => {
    let glyph = glyphs.get(codePoint);
    if (!glyph) {
      glyph = font.glyphForCodePoint(codePoint);
      glyphs.set(codePoint, glyph);
    }
    return glyph;
  };
  return Object.create(font, {
    layout: {
      value: (text: string) => ({
        glyphs: Array.from(text, (character) => glyphFor(character.codePointAt(0) ?? 0)),
      }),
    },
    createSubset: { value: () => reusedSubset(font) },
  }) as Font;
}

/** A subset whose encoding is looked up by the glyphs it holds before it is made again. */
function reusedSubset(font: Font): Subset {
  const subset = evenGlyphRecords(font.createSubset());
  const ids: number[] = [];
  const seen = new Set<number>();
  return Object.create(subset, {
    includeGlyph: {
      value: (glyph: Glyph | number) => {
        const id = typeof glyph === 'number' ? glyph : glyph.id;
        if (!seen.has(id)) {
          seen.add(id);
          ids.push(id);
        }
        return subset.includeGlyph(glyph);
      },
    },
    encodeStream: {
      value: () => {
        const key = `${font.postscriptName}:${ids.join(',')}`;
        const known = encodedSubsets.get(key);
        if (known) return Readable.from([known]);
        const parts: Uint8Array[] = [];
        const stream = subset.encodeStream();
        stream.on('data', (part: Uint8Array) => parts.push(part));
        stream.on('end', () => remember(encodedSubsets, key, Buffer.concat(parts)));
        return stream;
      },
    },
  }) as Subset;
}

/** What `evenGlyphRecords` reaches inside fontkit's TrueType subset (version 1.1.1). */
interface TrueTypeSubsetInternals {
  _addGlyph?: (glyphId: number) => number;
  glyf: Buffer[];
  offset: number;
}

/**
 * fontkit copies each glyph record as the font stores it and, when the subset is small,
 * writes its locations in the short format, which halves them: a record of odd length
 * shifts every glyph after it, and they draw as nothing. DejaVu pads its records; Noto
 * Sans JP does not. Padding each copied record to an even length, as the format asks
 * of short locations, keeps every glyph where its location says.
 */
function evenGlyphRecords(subset: Subset): Subset {
  const internals = subset as unknown as TrueTypeSubsetInternals;
  const addGlyph = internals._addGlyph;
  // A CFF font's subset has no glyph records to pad.
  if (addGlyph === undefined) return subset;
  internals._addGlyph = function (this: TrueTypeSubsetInternals, glyphId: number): number {
    const index = addGlyph.call(this, glyphId);
    const record = this.glyf[index]!;
    if (record.length % 2 === 1) {
      // fontkit's bundle carries its own Buffer, and its streams take no other.
      const Bytes = record.constructor as typeof Buffer;
      this.glyf[index] = Bytes.concat([record, Bytes.alloc(1)]);
      this.offset += 1;
    }
    return index;
  };
  return subset;
}

/**
 * Makes the document compress its streams with zlib (native, unlike pdf-lib's own
 * deflate) and reuse the compression of a subset or character map seen before.
 */
export function reuseCompression(document: PDFDocument): void {
  const context = document.context;
  context.flateStream = (contents, dict = {}) =>
    context.stream(compressed(contents), { ...dict, Filter: 'FlateDecode' });
}

function compressed(contents: string | Uint8Array): Uint8Array {
  if (typeof contents === 'string') {
    let known = compressedTexts.get(contents);
    if (!known) {
      known = deflateSync(contents);
      remember(compressedTexts, contents, known);
    }
    return known;
  }
  const known = compressedBytes.get(contents.length);
  if (known?.bytes.equals(contents)) return known.compressed;
  const made = deflateSync(contents);
  const view = Buffer.from(contents.buffer, contents.byteOffset, contents.byteLength);
  remember(compressedBytes, contents.length, { bytes: view, compressed: made });
  return made;
}

function remember<K, V>(cache: Map<K, V>, key: K, value: V): void {
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value as K);
  cache.set(key, value);
}
