/**
 * Draws a laid-out billing document with pdf-lib: real, searchable text in an embedded
 * DejaVu Sans (subset), so €, ¥, ł, ø, ü and é print as themselves.
 */
import { degrees, PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import type { BillingDocument } from '../domain/document';
import { UserError } from '../domain/errors';
import type { PageSize } from '../domain/model';
import { COMMON_CHARACTERS, reuseCompression, reusingFontkit } from './font-reuse';
import { layoutDocument, MARK, type Color, type DrawItem, type FontStyle } from './layout';

/** The TrueType files of the two weights (DejaVu Sans and DejaVu Sans Bold). */
export interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

export interface PdfOptions {
  pageSize: PageSize;
  fonts: FontFiles;
  /** Written into the file's metadata (creation and modification date). */
  createdAt?: Date;
}

export interface RenderedPdf {
  bytes: Uint8Array;
  /** Characters of the document that DejaVu Sans has no glyph for (they print as boxes). */
  missingCharacters: string[];
}

export async function renderPdf(
  document: BillingDocument,
  options: PdfOptions,
): Promise<RenderedPdf> {
  const pdf = await PDFDocument.create();
  reuseCompression(pdf);
  pdf.registerFontkit(reusingFontkit);
  const fonts: Record<FontStyle, PDFFont> = {
    regular: await pdf.embedFont(options.fonts.regular, { subset: true }),
    bold: await pdf.embedFont(options.fonts.bold, { subset: true }),
  };
  // The same first glyphs in every subset make most documents' fonts identical.
  fonts.regular.encodeText(COMMON_CHARACTERS);
  fonts.bold.encodeText(COMMON_CHARACTERS);
  const logo = document.logo ? await embedLogo(pdf, document.logo) : null;

  const pages = layoutDocument(document, {
    pageSize: options.pageSize,
    measure: (text, font, size) => textWidth(text, options.fonts[font], fonts[font]) * size,
    logo: logo ? { width: logo.width, height: logo.height } : null,
  });
  const missing = new Set<string>();
  for (const laidOut of pages) {
    const page = pdf.addPage([laidOut.width, laidOut.height]);
    for (const item of laidOut.items) {
      if (item.type === 'text') {
        for (const character of missingIn(item.text, options.fonts[item.font], fonts[item.font])) {
          missing.add(character);
        }
      }
      draw(page, item, fonts, options.fonts, logo);
    }
  }

  pdf.setTitle(`${document.title} ${document.reference}`);
  pdf.setAuthor(document.seller.name);
  pdf.setSubject(`${document.title} ${document.reference} for ${document.customer.name}`);
  pdf.setCreator('Nexus Billing Desk');
  pdf.setProducer('Nexus Billing Desk (pdf-lib)');
  if (options.createdAt) {
    pdf.setCreationDate(options.createdAt);
    pdf.setModificationDate(options.createdAt);
  }
  return { bytes: await pdf.save({ useObjectStreams: false }), missingCharacters: [...missing] };
}

/** Advance widths at size 1 by character, by font file: the same for every document. */
const characterWidths = new WeakMap<Uint8Array, Map<string, number>>();

/**
 * The width of `text` at size 1: the sum of its characters' advances, which is what
 * pdf-lib computes (it applies no kerning), remembered per character because the
 * layout measures every candidate line while it wraps.
 */
function textWidth(text: string, file: Uint8Array, font: PDFFont): number {
  let widths = characterWidths.get(file);
  if (!widths) {
    widths = new Map();
    characterWidths.set(file, widths);
  }
  let total = 0;
  for (const character of text) {
    let width = widths.get(character);
    if (width === undefined) {
      width = font.widthOfTextAtSize(character, 1);
      widths.set(character, width);
    }
    total += width;
  }
  return total;
}

/** By font file: the same for every document. */
const characterSets = new WeakMap<Uint8Array, Set<number>>();

function missingIn(text: string, file: Uint8Array, font: PDFFont): string[] {
  let known = characterSets.get(file);
  if (!known) {
    known = new Set(font.getCharacterSet());
    characterSets.set(file, known);
  }
  const characters = known;
  return Array.from(text).filter(
    (character) => !/\s/.test(character) && !characters.has(character.codePointAt(0) ?? 0),
  );
}

async function embedLogo(pdf: PDFDocument, dataUrl: string): Promise<PDFImage> {
  const [header = '', base64 = ''] = dataUrl.split(',', 2);
  const bytes = Buffer.from(base64, 'base64');
  try {
    return await (header.includes('image/png') ? pdf.embedPng(bytes) : pdf.embedJpg(bytes));
  } catch {
    throw new UserError(
      'The seller logo (settings.seller.logo) is not a PNG or JPEG image that can be read.',
    );
  }
}

function color([r, g, b]: Color) {
  return rgb(r, g, b);
}

function draw(
  page: PDFPage,
  item: DrawItem,
  fonts: Record<FontStyle, PDFFont>,
  fontFiles: FontFiles,
  logo: PDFImage | null,
): void {
  const height = page.getHeight();
  switch (item.type) {
    case 'text':
      page.drawText(item.text, {
        x: item.x,
        y: height - item.y,
        size: item.size,
        font: fonts[item.font],
        color: color(item.color),
      });
      return;
    case 'rule':
      page.drawLine({
        start: { x: item.x1, y: height - item.y },
        end: { x: item.x2, y: height - item.y },
        thickness: item.thickness,
        color: color(item.color),
      });
      return;
    case 'box':
      page.drawRectangle({
        x: item.x,
        y: height - item.y - item.height,
        width: item.width,
        height: item.height,
        color: color(item.color),
      });
      return;
    case 'image':
      if (logo) {
        page.drawImage(logo, {
          x: item.x,
          y: height - item.y - item.height,
          width: item.width,
          height: item.height,
        });
      }
      return;
    case 'mark':
      drawMark(page, item.text, fontFiles.bold);
  }
}

/**
 * VOID or DRAFT across the middle of the page, large, light and rotated. Drawn as the
 * letters' outlines, not as text: rotated text scrambles what a reader copies or
 * searches out of the page (the header says VOID or DRAFT as text).
 */
function drawMark(page: PDFPage, text: string, fontFile: Uint8Array): void {
  const font = reusingFontkit.create(fontFile);
  const { width, height } = page.getSize();
  const size = Math.min(width, height) / 4;
  const scale = size / font.unitsPerEm;
  const glyphs = Array.from(text, (character) =>
    font.glyphForCodePoint(character.codePointAt(0) ?? 0),
  );
  const textWidth = glyphs.reduce((sum, glyph) => sum + glyph.advanceWidth, 0) * scale;
  const capHeight = Math.max(...glyphs.map((glyph) => glyph.bbox.maxY)) * scale;
  const angle = Math.atan2(height, width);
  // The baseline's start such that the text's box is centred on the page.
  const x = width / 2 - (Math.cos(angle) * textWidth) / 2 + (Math.sin(angle) * capHeight) / 2;
  const y = height / 2 - (Math.sin(angle) * textWidth) / 2 - (Math.cos(angle) * capHeight) / 2;
  page.drawSvgPath(outlineSvg(glyphs), {
    x,
    y,
    scale,
    rotate: degrees((angle * 180) / Math.PI),
    color: color(MARK),
    opacity: 0.16,
  });
}

type Glyph = ReturnType<ReturnType<typeof reusingFontkit.create>['glyphForCodePoint']>;

/**
 * The glyphs' outlines, one after the other, as SVG path data. Fonts draw with y up and
 * SVG with y down, hence the negated y.
 */
function outlineSvg(glyphs: readonly Glyph[]): string {
  const parts: string[] = [];
  let offset = 0;
  const point = (x: number, y: number) => `${(x + offset).toFixed(1)} ${(-y).toFixed(1)}`;
  const recorder = {
    moveTo: (x: number, y: number) => parts.push(`M${point(x, y)}`),
    lineTo: (x: number, y: number) => parts.push(`L${point(x, y)}`),
    quadraticCurveTo: (cx: number, cy: number, x: number, y: number) =>
      parts.push(`Q${point(cx, cy)} ${point(x, y)}`),
    bezierCurveTo: (c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number) =>
      parts.push(`C${point(c1x, c1y)} ${point(c2x, c2y)} ${point(x, y)}`),
    closePath: () => parts.push('Z'),
  };
  for (const glyph of glyphs) {
    (glyph.path.toFunction() as (context: typeof recorder) => void)(recorder);
    offset += glyph.advanceWidth;
  }
  return parts.join('');
}
