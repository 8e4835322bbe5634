/**
 * Draws a laid-out billing document with pdf-lib: real, searchable text in an embedded
 * DejaVu Sans (subset), so €, ¥, ł, ø, ü and é print as themselves; a character DejaVu
 * has no glyph for (a Japanese customer's name) prints in the fallback font.
 */
import { degrees, PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import type { BillingDocument } from '../domain/document';
import { UserError } from '../domain/errors';
import type { PageSize } from '../domain/model';
import { COMMON_CHARACTERS, reuseCompression, reusingFontkit } from './font-reuse';
import { layoutDocument, MARK, type Color, type DrawItem, type FontStyle } from './layout';

/** The TrueType files of a font's two weights. */
export interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

export interface DocumentFonts {
  primary: FontFiles;
  /** Read only for a document holding characters the primary font lacks. */
  fallback: () => Promise<FontFiles>;
}

export interface PdfOptions {
  pageSize: PageSize;
  fonts: DocumentFonts;
  /** Written into the file's metadata (creation and modification date). */
  createdAt?: Date;
}

export interface RenderedPdf {
  bytes: Uint8Array;
  /** Characters of the document that neither font has a glyph for (they print as boxes). */
  missingCharacters: string[];
}

export async function renderPdf(
  document: BillingDocument,
  options: PdfOptions,
): Promise<RenderedPdf> {
  const pdf = await PDFDocument.create();
  reuseCompression(pdf);
  pdf.registerFontkit(reusingFontkit);
  const primary = await embedFonts(pdf, options.fonts.primary);
  // The same first glyphs in every subset make most documents' fonts identical.
  primary.regular.font.encodeText(COMMON_CHARACTERS);
  primary.bold.font.encodeText(COMMON_CHARACTERS);
  const logo = document.logo ? await embedLogo(pdf, document.logo) : null;

  const layOut = (typefaces: Record<FontStyle, Typeface>) =>
    layoutDocument(document, {
      pageSize: options.pageSize,
      measure: (text, font, size) => textWidth(text, typefaces[font]) * size,
      logo: logo ? { width: logo.width, height: logo.height } : null,
    });
  let typefaces: Record<FontStyle, Typeface> = { regular: [primary.regular], bold: [primary.bold] };
  let pages = layOut(typefaces);
  let missing = missingCharacters(pages, typefaces);
  // Laid out again with the fallback's widths: rare, and only then is it read at all.
  if (missing.length > 0) {
    const fallback = await embedFonts(pdf, await options.fonts.fallback());
    typefaces = {
      regular: [primary.regular, fallback.regular],
      bold: [primary.bold, fallback.bold],
    };
    pages = layOut(typefaces);
    missing = missingCharacters(pages, typefaces);
  }
  for (const laidOut of pages) {
    const page = pdf.addPage([laidOut.width, laidOut.height]);
    for (const item of laidOut.items) draw(page, item, typefaces, options.fonts.primary, logo);
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
  return { bytes: await pdf.save({ useObjectStreams: false }), missingCharacters: missing };
}

/** An embedded font, with what is remembered of its file across documents. */
interface Face {
  font: PDFFont;
  /** The characters it has a glyph for. */
  characters: Set<number>;
  /** Advance widths at size 1 by character, filled as the layout measures. */
  widths: Map<string, number>;
}

/** The faces of one style in order of preference: a character prints in the first that has it. */
type Typeface = readonly Face[];

async function embedFonts(pdf: PDFDocument, files: FontFiles): Promise<Record<FontStyle, Face>> {
  const embed = async (file: Uint8Array): Promise<Face> => {
    const font = await pdf.embedFont(file, { subset: true });
    let remembered = rememberedFiles.get(file);
    if (!remembered) {
      remembered = { characters: new Set(font.getCharacterSet()), widths: new Map() };
      rememberedFiles.set(file, remembered);
    }
    return { font, ...remembered };
  };
  return { regular: await embed(files.regular), bold: await embed(files.bold) };
}

/** By font file: the same for every document. */
const rememberedFiles = new WeakMap<Uint8Array, Pick<Face, 'characters' | 'widths'>>();

function hasGlyph(face: Face, character: string): boolean {
  return face.characters.has(character.codePointAt(0) ?? 0);
}

/** The face that prints `character`: the first that has it, else the first (as a box). */
function faceFor(character: string, typeface: Typeface): Face {
  if (typeface.length > 1) {
    const found = typeface.find((face) => hasGlyph(face, character));
    if (found) return found;
  }
  return typeface[0]!;
}

/** `text` cut where the face that prints it changes. */
function runsOf(text: string, typeface: Typeface): { face: Face; text: string }[] {
  const runs: { face: Face; text: string }[] = [];
  for (const character of text) {
    const face = faceFor(character, typeface);
    const last = runs.at(-1);
    if (last?.face === face) last.text += character;
    else runs.push({ face, text: character });
  }
  return runs;
}

/**
 * The width of `text` at size 1: the sum of its characters' advances, which is what
 * pdf-lib computes (it applies no kerning), remembered per character because the
 * layout measures every candidate line while it wraps.
 */
function textWidth(text: string, typeface: Typeface): number {
  let total = 0;
  for (const character of text) {
    const face = faceFor(character, typeface);
    let width = face.widths.get(character);
    if (width === undefined) {
      width = face.font.widthOfTextAtSize(character, 1);
      face.widths.set(character, width);
    }
    total += width;
  }
  return total;
}

/** The characters of the pages' text that no face of their style has a glyph for. */
function missingCharacters(
  pages: ReturnType<typeof layoutDocument>,
  typefaces: Record<FontStyle, Typeface>,
): string[] {
  const missing = new Set<string>();
  for (const page of pages) {
    for (const item of page.items) {
      if (item.type !== 'text') continue;
      for (const character of item.text) {
        if (/\s/.test(character)) continue;
        if (!typefaces[item.font].some((face) => hasGlyph(face, character))) {
          missing.add(character);
        }
      }
    }
  }
  return [...missing];
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
  typefaces: Record<FontStyle, Typeface>,
  fontFiles: FontFiles,
  logo: PDFImage | null,
): void {
  const height = page.getHeight();
  switch (item.type) {
    case 'text': {
      let x = item.x;
      for (const run of runsOf(item.text, typefaces[item.font])) {
        page.drawText(run.text, {
          x,
          y: height - item.y,
          size: item.size,
          font: run.face.font,
          color: color(item.color),
        });
        x += textWidth(run.text, [run.face]) * item.size;
      }
      return;
    }
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
