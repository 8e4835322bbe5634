import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { documentFonts } from '../../src-main/documents/fonts';
import { reusingFontkit } from '../../src-main/documents/font-reuse';

/** The subset's TrueType bytes, as pdf-lib embeds them. */
function encoded(subset: ReturnType<ReturnType<typeof fontkit.create>['createSubset']>) {
  return new Promise<Uint8Array>((resolve) => {
    const parts: Uint8Array[] = [];
    const stream = subset.encodeStream();
    stream.on('data', (part: Uint8Array) => parts.push(part));
    stream.on('end', () => resolve(Buffer.concat(parts)));
  });
}

describe('the fonts a document embeds', () => {
  it('keeps every glyph of a subset of a font whose glyph records have odd lengths', async () => {
    const { fallback } = await documentFonts();
    const file = (await fallback()).regular;
    const font = reusingFontkit.create(file);
    const text = '株式会社富士モビリティ東京都千代田区丸の内〒';
    const glyphs = Array.from(text, (character) =>
      font.glyphForCodePoint(character.codePointAt(0)!),
    );
    const subset = font.createSubset();
    for (const glyph of glyphs) subset.includeGlyph(glyph);

    const embedded = fontkit.create(await encoded(subset));
    // Glyph 0 is .notdef; the others follow in the order they were included.
    glyphs.forEach((glyph, index) => {
      const copy = embedded.getGlyph(index + 1);
      expect(copy.path.toSVG(), text[index]).toBe(glyph.path.toSVG());
      expect(copy.advanceWidth).toBe(glyph.advanceWidth);
    });
  });
});
