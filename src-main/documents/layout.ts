/**
 * Lays a billing document out on pages: where each piece of text, rule, box and the
 * logo goes. Pure (text widths come from the caller's `measure`), so the tests check
 * placement, page breaks and alignment without rendering; `pdf.ts` draws the result.
 *
 * Coordinates are points from the page's top-left corner; a text's `y` is its
 * baseline. Numbers are right-aligned on their column's right edge so that their
 * digits line up, as accounts-payable teams read them.
 */
import type { BillingDocument, DocumentRow } from '../domain/document';
import type { PageSize } from '../domain/model';

export type FontStyle = 'regular' | 'bold';
export type Color = readonly [number, number, number];
export type Measure = (text: string, font: FontStyle, size: number) => number;

export type DrawItem =
  | {
      type: 'text';
      x: number;
      y: number;
      text: string;
      font: FontStyle;
      size: number;
      color: Color;
    }
  | { type: 'rule'; x1: number; x2: number; y: number; thickness: number; color: Color }
  | { type: 'box'; x: number; y: number; width: number; height: number; color: Color }
  | { type: 'image'; x: number; y: number; width: number; height: number }
  /** VOID or DRAFT, printed large and diagonally across the page. */
  | { type: 'mark'; text: string };

export interface LaidOutPage {
  width: number;
  height: number;
  items: DrawItem[];
}

export const PAGE_SIZES: Record<PageSize, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
};

const INK: Color = [0.13, 0.15, 0.18];
const MUTED: Color = [0.42, 0.45, 0.5];
const HAIRLINE: Color = [0.82, 0.84, 0.87];
const SHADE: Color = [0.95, 0.96, 0.97];
const ACCENT: Color = [0.12, 0.29, 0.49];
export const MARK: Color = [0.8, 0.12, 0.12];

const MARGIN = 48;
const FOOTER_HEIGHT = 40;
const LOGO_BOX = { width: 160, height: 56 };
const CELL_GAP = 14;
const DEFAULT_HEADINGS = { quantity: 'QUANTITY', unitPrice: 'UNIT PRICE', amount: 'AMOUNT' };

const SIZE = {
  title: 20,
  reference: 11,
  sellerName: 14,
  heading: 7.5,
  body: 9,
  small: 7.5,
  tier: 8,
  strongTotal: 10.5,
} as const;

const leading = (size: number) => size * 1.35;

export interface LayoutOptions {
  pageSize: PageSize;
  measure: Measure;
  /** The logo's size in pixels (its aspect ratio is kept), or null without a logo. */
  logo: { width: number; height: number } | null;
}

/** Pages ready to draw, "Page N of M" included. */
export function layoutDocument(document: BillingDocument, options: LayoutOptions): LaidOutPage[] {
  return new PageFlow(document, options).run();
}

interface Columns {
  description: { x: number; width: number };
  quantity: number;
  unitPrice: number;
  /** Right edge of each numeric column. */
  amount: number;
}

class PageFlow {
  private readonly pages: LaidOutPage[] = [];
  private items: DrawItem[] = [];
  private y = 0;
  private readonly width: number;
  private readonly height: number;
  private readonly left = MARGIN;
  private readonly right: number;
  private readonly bottom: number;
  private readonly measure: Measure;

  constructor(
    private readonly document: BillingDocument,
    private readonly options: LayoutOptions,
  ) {
    ({ width: this.width, height: this.height } = PAGE_SIZES[options.pageSize]);
    this.right = this.width - MARGIN;
    this.bottom = this.height - MARGIN - FOOTER_HEIGHT;
    this.measure = options.measure;
  }

  run(): LaidOutPage[] {
    this.newPage();
    this.header();
    this.parties();
    const columns = this.columns();
    this.tableHeader(columns);
    for (const row of this.document.rows) this.row(row, columns);
    this.totals();
    this.payments();
    this.notes();
    this.instructions();
    this.finishPage();
    this.footers();
    return this.pages;
  }

  // ------------------------------------------------------------ pages

  private newPage(): void {
    this.items = [];
    if (this.document.mark) this.items.push({ type: 'mark', text: this.document.mark });
    this.y = MARGIN;
  }

  private finishPage(): void {
    this.pages.push({ width: this.width, height: this.height, items: this.items });
  }

  /** Starts a new page unless `height` still fits; a continued page names the document. */
  private ensureRoom(height: number, afterBreak: () => void = () => undefined): void {
    if (this.y + height <= this.bottom) return;
    this.finishPage();
    this.newPage();
    const { title, reference } = this.document;
    this.text(
      `${title} ${reference} (continued)`,
      this.left,
      this.y + SIZE.body,
      'bold',
      SIZE.body,
      MUTED,
    );
    this.y += leading(SIZE.body) + 10;
    afterBreak();
  }

  private footers(): void {
    const count = this.pages.length;
    const { seller } = this.document;
    const y = this.height - MARGIN;
    this.pages.forEach((page, index) => {
      const pageText = `Page ${index + 1} of ${count}`;
      page.items.push(
        { type: 'rule', x1: this.left, x2: this.right, y: y - 14, thickness: 0.5, color: HAIRLINE },
        this.item(
          `${seller.name} · ${this.document.title} ${this.document.reference}`,
          this.left,
          y,
          'regular',
          SIZE.small,
          MUTED,
        ),
        this.item(
          pageText,
          this.right - this.measure(pageText, 'regular', SIZE.small),
          y,
          'regular',
          SIZE.small,
          MUTED,
        ),
      );
    });
  }

  // ------------------------------------------------------------ drawing helpers

  private item(
    text: string,
    x: number,
    y: number,
    font: FontStyle,
    size: number,
    color: Color = INK,
  ): DrawItem {
    return { type: 'text', x, y, text, font, size, color };
  }

  private text(
    text: string,
    x: number,
    y: number,
    font: FontStyle,
    size: number,
    color: Color = INK,
  ): void {
    if (text !== '') this.items.push(this.item(text, x, y, font, size, color));
  }

  private rightText(
    text: string,
    rightEdge: number,
    y: number,
    font: FontStyle,
    size: number,
    color: Color = INK,
  ): void {
    this.text(text, rightEdge - this.measure(text, font, size), y, font, size, color);
  }

  private rule(
    y: number,
    thickness = 0.5,
    color: Color = HAIRLINE,
    x1 = this.left,
    x2 = this.right,
  ): void {
    this.items.push({ type: 'rule', x1, x2, y, thickness, color });
  }

  /** The text broken into lines no wider than `width`; a word too long for a line is cut. */
  private wrap(text: string, width: number, font: FontStyle, size: number): string[] {
    return wrapText(text, width, (part) => this.measure(part, font, size));
  }

  // ------------------------------------------------------------ sections

  private header(): void {
    const { document } = this;
    const top = this.y;
    const logo = this.options.logo;
    if (logo) {
      const scale = Math.min(LOGO_BOX.width / logo.width, LOGO_BOX.height / logo.height);
      const width = logo.width * scale;
      const height = logo.height * scale;
      this.items.push({ type: 'image', x: this.left, y: top, width, height });
    } else {
      this.text(
        document.seller.name,
        this.left,
        top + SIZE.sellerName,
        'bold',
        SIZE.sellerName,
        ACCENT,
      );
    }
    this.rightText(
      document.title.toUpperCase(),
      this.right,
      top + SIZE.title,
      'bold',
      SIZE.title,
      ACCENT,
    );
    let titleBottom = top + SIZE.title + 6 + SIZE.reference;
    this.rightText(document.reference, this.right, titleBottom, 'regular', SIZE.reference);
    if (document.mark) {
      // Also as plain text: readers and text extraction skip the diagonal mark.
      titleBottom += leading(SIZE.reference) + 2;
      this.rightText(document.mark, this.right, titleBottom, 'bold', SIZE.reference, MARK);
    }
    this.y = Math.max(top + (logo ? LOGO_BOX.height : SIZE.sellerName), titleBottom) + 22;
  }

  /** Seller and customer side by side, the document's facts on the right. */
  private parties(): void {
    const { document } = this;
    // As wide as the widest fact needs (a long contract or statement id), within limits.
    const factsWidth = Math.min(
      240,
      Math.max(
        170,
        ...document.facts.map(
          (fact) =>
            this.measure(fact.label, 'regular', SIZE.small) +
            this.measure(fact.value, 'bold', SIZE.body) +
            12,
        ),
      ),
    );
    const factsLeft = this.right - factsWidth;
    const partyWidth = (factsLeft - this.left - 2 * CELL_GAP) / 2;
    const top = this.y;
    const ends = [
      this.partyBlock('FROM', document.seller, this.left, partyWidth, top),
      this.partyBlock(
        'BILL TO',
        document.customer,
        this.left + partyWidth + CELL_GAP,
        partyWidth,
        top,
      ),
      this.facts(factsLeft, factsWidth, top),
    ];
    this.y = Math.max(...ends) + 18;
  }

  private partyBlock(
    heading: string,
    party: BillingDocument['seller'],
    x: number,
    width: number,
    top: number,
  ): number {
    let y = top + SIZE.heading;
    this.text(heading, x, y, 'bold', SIZE.heading, MUTED);
    y += 6;
    for (const line of this.wrap(party.name, width, 'bold', SIZE.body)) {
      y += leading(SIZE.body);
      this.text(line, x, y, 'bold', SIZE.body);
    }
    for (const text of party.lines) {
      for (const line of this.wrap(text, width, 'regular', SIZE.body)) {
        y += leading(SIZE.body);
        this.text(line, x, y, 'regular', SIZE.body);
      }
    }
    return y;
  }

  private facts(x: number, width: number, top: number): number {
    let y = top + SIZE.heading;
    this.document.facts.forEach((fact, index) => {
      if (index > 0) y += leading(SIZE.body) + 1;
      const labelWidth = this.measure(fact.label, 'regular', SIZE.small);
      const valueWidth = width - labelWidth - 8;
      const values = this.wrap(fact.value, valueWidth, 'bold', SIZE.body);
      this.text(fact.label, x, y, 'regular', SIZE.small, MUTED);
      values.forEach((value, index) => {
        if (index > 0) y += leading(SIZE.body);
        this.rightText(value, x + width, y, 'bold', SIZE.body);
      });
    });
    return y;
  }

  // ------------------------------------------------------------ the lines

  /** Numeric columns as wide as their widest cell; the description takes the rest. */
  private columns(): Columns {
    const widest = (header: string, cells: string[], size: number) =>
      Math.max(
        this.measure(header, 'bold', SIZE.heading),
        ...cells.map((cell) => this.measure(cell, 'regular', size)),
      );
    const rows = this.document.rows;
    const tiers = rows.flatMap((row) => row.tiers);
    const headings = this.headings();
    const amount = widest(
      headings.amount,
      [...rows.map((r) => r.amount), ...tiers.map((t) => t.amount)],
      SIZE.body,
    );
    const unitPrice = widest(
      headings.unitPrice,
      [...rows.map((r) => r.unitPrice), ...tiers.map((t) => t.unitPrice)],
      SIZE.body,
    );
    const quantity = widest(
      headings.quantity,
      [...rows.map((r) => r.quantity), ...tiers.map((t) => t.quantity)],
      SIZE.body,
    );
    const amountRight = this.right - 6;
    const unitPriceRight = amountRight - amount - CELL_GAP;
    const quantityRight = unitPriceRight - unitPrice - CELL_GAP;
    const descriptionLeft = this.left + 6;
    return {
      description: {
        x: descriptionLeft,
        width: quantityRight - quantity - CELL_GAP - descriptionLeft,
      },
      quantity: quantityRight,
      unitPrice: unitPriceRight,
      amount: amountRight,
    };
  }

  private headings(): NonNullable<BillingDocument['columns']> {
    return this.document.columns ?? DEFAULT_HEADINGS;
  }

  private tableHeader(columns: Columns): void {
    const height = 20;
    this.ensureRoom(height + 40);
    this.items.push({
      type: 'box',
      x: this.left,
      y: this.y,
      width: this.right - this.left,
      height,
      color: SHADE,
    });
    const baseline = this.y + 13;
    const headings = this.headings();
    this.text('DESCRIPTION', columns.description.x, baseline, 'bold', SIZE.heading, MUTED);
    this.rightText(headings.quantity, columns.quantity, baseline, 'bold', SIZE.heading, MUTED);
    this.rightText(headings.unitPrice, columns.unitPrice, baseline, 'bold', SIZE.heading, MUTED);
    this.rightText(headings.amount, columns.amount, baseline, 'bold', SIZE.heading, MUTED);
    this.y += height + 4;
  }

  private row(row: DocumentRow, columns: Columns): void {
    const { x, width } = columns.description;
    const description = this.wrap(row.description, width, 'regular', SIZE.body);
    const explanation = row.explanation
      ? this.wrap(row.explanation, width, 'regular', SIZE.small)
      : [];
    const tierLabels = row.tiers.map((tier) =>
      this.wrap(tier.label, width - 10, 'regular', SIZE.tier),
    );
    const height =
      description.length * leading(SIZE.body) +
      explanation.length * leading(SIZE.small) +
      tierLabels.reduce((sum, lines) => sum + lines.length * leading(SIZE.tier), 0) +
      8;
    this.ensureRoom(height, () => this.tableHeader(columns));
    let y = this.y + SIZE.body;
    this.rightText(row.quantity, columns.quantity, y, 'regular', SIZE.body);
    this.rightText(row.unitPrice, columns.unitPrice, y, 'regular', SIZE.body);
    this.rightText(row.amount, columns.amount, y, 'regular', SIZE.body);
    description.forEach((line, index) => {
      if (index > 0) y += leading(SIZE.body);
      this.text(line, x, y, 'regular', SIZE.body);
    });
    for (const line of explanation) {
      y += leading(SIZE.small);
      this.text(line, x, y, 'regular', SIZE.small, MUTED);
    }
    row.tiers.forEach((tier, index) => {
      y += leading(SIZE.tier);
      (tierLabels[index] ?? []).forEach((line, lineIndex) => {
        if (lineIndex > 0) y += leading(SIZE.tier);
        this.text(line, x + 10, y, 'regular', SIZE.tier, MUTED);
      });
      this.rightText(tier.quantity, columns.quantity, y, 'regular', SIZE.tier, MUTED);
      this.rightText(tier.unitPrice, columns.unitPrice, y, 'regular', SIZE.tier, MUTED);
      this.rightText(tier.amount, columns.amount, y, 'regular', SIZE.tier, MUTED);
    });
    this.y = y + 6;
    this.rule(this.y);
    this.y += 4;
  }

  // ------------------------------------------------------------ after the lines

  private totals(): void {
    const rows = this.document.totals;
    const width = 250;
    const x = this.right - width;
    const laid = rows.map((row) => {
      const size = row.strong ? SIZE.strongTotal : SIZE.body;
      const font: FontStyle = row.strong ? 'bold' : 'regular';
      const labelWidth = width - 12 - this.measure(row.amount, font, size) - CELL_GAP;
      const label = this.wrap(row.label, labelWidth, font, size);
      const height = (row.strong ? 20 : 15) + (label.length - 1) * leading(size);
      return { row, size, font, label, height };
    });
    this.y += 6;
    // The totals stay together: a reader checks them as one block.
    this.ensureRoom(laid.reduce((sum, { height }) => sum + height, 0));
    for (const { row, size, font, label, height } of laid) {
      if (row.strong) {
        this.items.push({ type: 'box', x, y: this.y, width, height: height - 2, color: SHADE });
      }
      const baseline = this.y + (row.strong ? 13 : 10.5);
      this.rightText(row.amount, this.right - 6, baseline, font, size);
      label.forEach((line, index) => {
        this.text(line, x + 6, baseline + index * leading(size), font, size);
      });
      this.y += height;
    }
    this.y += 10;
  }

  private payments(): void {
    const payments = this.document.payments;
    if (payments.length === 0) return;
    this.sectionHeading('PAYMENTS RECEIVED', leading(SIZE.body) * Math.min(payments.length, 3));
    for (const payment of payments) {
      const text = [payment.date, payment.method, payment.reference].filter(Boolean).join(' · ');
      const lines = this.wrap(text, this.right - this.left - 140, 'regular', SIZE.body);
      this.ensureRoom(lines.length * leading(SIZE.body));
      this.y += leading(SIZE.body);
      this.rightText(payment.amount, this.right - 6, this.y, 'regular', SIZE.body);
      lines.forEach((line, index) => {
        if (index > 0) this.y += leading(SIZE.body);
        this.text(line, this.left, this.y, 'regular', SIZE.body);
      });
    }
    this.y += 12;
  }

  private notes(): void {
    for (const note of this.document.notes) {
      const lines = this.wrap(note, this.right - this.left, 'regular', SIZE.body);
      this.ensureRoom(lines.length * leading(SIZE.body) + 4);
      for (const line of lines) {
        this.y += leading(SIZE.body);
        this.text(line, this.left, this.y, 'regular', SIZE.body);
      }
      this.y += 4;
    }
    this.y += 8;
  }

  private instructions(): void {
    const { heading, lines } = this.document.instructions;
    const wrapped = lines.flatMap((line) =>
      this.wrap(line, this.right - this.left - 20, 'regular', SIZE.body),
    );
    const height = 8 + leading(SIZE.body) * (wrapped.length + 1);
    this.ensureRoom(height);
    this.items.push({ type: 'box', x: this.left, y: this.y, width: 2, height, color: ACCENT });
    let y = this.y + 4 + SIZE.body;
    this.text(heading, this.left + 12, y, 'bold', SIZE.body);
    for (const line of wrapped) {
      y += leading(SIZE.body);
      this.text(line, this.left + 12, y, 'regular', SIZE.body);
    }
    this.y += height;
  }

  private sectionHeading(title: string, keepWith: number): void {
    this.ensureRoom(leading(SIZE.heading) + keepWith + 6);
    this.y += SIZE.heading;
    this.text(title, this.left, this.y, 'bold', SIZE.heading, MUTED);
    this.y += 4;
    this.rule(this.y);
  }
}

/** Greedy word wrap; `width` of each part is the caller's measure. */
export function wrapText(
  text: string,
  maxWidth: number,
  width: (part: string) => number,
): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (width(candidate) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = word;
    // A word wider than the whole line (a long id, a URL) is cut where it must be.
    while (width(current) > maxWidth && current.length > 1) {
      let cut = current.length - 1;
      while (cut > 1 && width(current.slice(0, cut)) > maxWidth) cut -= 1;
      lines.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current) lines.push(current);
  return lines;
}
