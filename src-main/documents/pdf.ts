/**
 * Draws a laid-out billing document with pdf-lib: real, searchable text in an embedded
 * DejaVu Sans (subset), so €, ¥, ł, ø, ü and é print as themselves.
 */
import { degrees, PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import type { BillingDocument } from '../domain/document';
import type { PageSize } from '../domain/model';
import { COMMON_CHARACTERS, reuseCompression, reusingFontkit } from './font-reuse';
import { layoutDocument, type Color, type DrawItem, type FontStyle } from './layout';

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

const MARK_COLOR = rgb(0.8, 0.12, 0.12);

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
    measure: (text, font, size) => fonts[font].widthOfTextAtSize(text, size),
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
      draw(page, item, fonts, logo);
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
  return header.includes('image/png') ? pdf.embedPng(bytes) : pdf.embedJpg(bytes);
}

function color([r, g, b]: Color) {
  return rgb(r, g, b);
}

function draw(
  page: PDFPage,
  item: DrawItem,
  fonts: Record<FontStyle, PDFFont>,
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
      drawMark(page, item.text, fonts.bold);
  }
}

/** VOID or DRAFT across the middle of the page, large, light and rotated. */
function drawMark(page: PDFPage, text: string, font: PDFFont): void {
  const { width, height } = page.getSize();
  const size = Math.min(width, height) / 4;
  const angle = Math.atan2(height, width);
  const textWidth = font.widthOfTextAtSize(text, size);
  const capHeight = font.heightAtSize(size, { descender: false });
  // Centre the text's box on the page's centre, along the rotated baseline.
  const x = width / 2 - (Math.cos(angle) * textWidth) / 2 + (Math.sin(angle) * capHeight) / 2;
  const y = height / 2 - (Math.sin(angle) * textWidth) / 2 - (Math.cos(angle) * capHeight) / 2;
  page.drawText(text, {
    x,
    y,
    size,
    font,
    color: MARK_COLOR,
    opacity: 0.16,
    rotate: degrees((angle * 180) / Math.PI),
  });
}
