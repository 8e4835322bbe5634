import { describe, expect, it } from 'vitest';
import { invoiceDocument, type BillingDocument } from '../../src-main/domain/document';
import { settingsSchema } from '../../src-main/domain/model';
import {
  layoutDocument,
  PAGE_SIZES,
  wrapText,
  type DrawItem,
  type LaidOutPage,
  type Measure,
} from '../../src-main/documents/layout';
import { customer, contract } from '../support/builders';
import { finalizedInvoice } from '../support/documents';

/** Every character half as wide as the font size: close to DejaVu's average, and exact to check. */
const measure: Measure = (text, font, size) => text.length * size * (font === 'bold' ? 0.55 : 0.5);

type TextItem = Extract<DrawItem, { type: 'text' }>;
const texts = (page: LaidOutPage) =>
  page.items.filter((item): item is TextItem => item.type === 'text');

function documentWith(lines: number): BillingDocument {
  const line = (index: number) => ({
    kind: 'usage' as const,
    description: `Charge ${index} with a description long enough to need a second line on the page`,
    meter: 'api_calls',
    charge: 0,
    period: '2026-10',
    quantity: '1200',
    unit_price: null,
    amount: '12.00',
    detail: [{ tier: 1, quantity: '1200', unit_price: '0.01', flat_fee: '0', amount: '12' }],
    explanation: { usage_quantity: '1200' },
  });
  const invoice = finalizedInvoice({
    lines: Array.from({ length: lines }, (_, index) => line(index + 1)),
  });
  return invoiceDocument({
    invoice: { ...invoice, status: 'open' },
    settings: settingsSchema.parse({}),
    customer: customer({ id: 'acme', name: 'Acme Corp', currency: 'USD' }),
    contract: contract({
      id: 'acme-main',
      customer: 'acme',
      plan: 'p',
      start_date: '2026-01-01',
      payment_method: 'card',
    }),
    payments: [],
    creditNotes: [],
  });
}

describe('document layout', () => {
  it('flows long invoices onto pages that each say Page N of M and repeat the table header', () => {
    const pages = layoutDocument(documentWith(60), { pageSize: 'A4', measure, logo: null });
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, index) => {
      const words = texts(page).map((item) => item.text);
      expect(words).toContain(`Page ${index + 1} of ${pages.length}`);
      if (index < pages.length - 1) expect(words).toContain('DESCRIPTION');
      if (index > 0) expect(words).toContain('Invoice INV-2026-00001 (continued)');
    });
    const descriptions = pages.flatMap((page) =>
      texts(page).filter((item) => item.text.startsWith('Charge ')),
    );
    // Every line once, in order, across the pages.
    expect(descriptions.map((item) => Number(/^Charge (\d+)/.exec(item.text)?.[1]))).toEqual(
      Array.from({ length: 60 }, (_, index) => index + 1),
    );
  });

  it('keeps everything on the page, without overlaps, amounts right-aligned on one edge', () => {
    for (const pageSize of ['A4', 'Letter'] as const) {
      const pages = layoutDocument(documentWith(25), {
        pageSize,
        measure,
        logo: { width: 400, height: 100 },
      });
      for (const page of pages) {
        expect(page).toMatchObject(PAGE_SIZES[pageSize]);
        const boxes = texts(page).map((item) => ({
          item,
          left: item.x,
          right: item.x + measure(item.text, item.font, item.size),
          top: item.y - item.size * 0.8,
          bottom: item.y + item.size * 0.2,
        }));
        for (const box of boxes) {
          expect(box.left).toBeGreaterThanOrEqual(40);
          expect(box.right).toBeLessThanOrEqual(page.width - 40);
          expect(box.bottom).toBeLessThanOrEqual(page.height - 40);
        }
        boxes.forEach((a, i) =>
          boxes.slice(i + 1).forEach((b) => {
            const overlap =
              a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
            expect(overlap, `"${a.item.text}" overlaps "${b.item.text}"`).toBe(false);
          }),
        );
        const amounts = texts(page).filter((item) => item.text === '$12.00');
        const edges = new Set(
          amounts.map((item) => (item.x + measure(item.text, item.font, item.size)).toFixed(2)),
        );
        expect(edges.size).toBeLessThanOrEqual(1);
      }
    }
  });

  it('wraps text at word boundaries and cuts a word longer than a line', () => {
    const width = (text: string) => text.length;
    expect(wrapText('one two three four', 9, width)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('abcdefghijkl xy', 5, width)).toEqual(['abcde', 'fghij', 'kl xy']);
    expect(wrapText('', 5, width)).toEqual([]);
  });
});
