/** Valid issued documents for the store tests; each test overrides what it is about. */
import type { CreditNote, Invoice } from '../../src-main/domain/invoice';
import type { UsageBatch } from '../../src-main/store/data';

export function finalizedInvoice(overrides: Partial<Invoice> = {}): Invoice {
  return {
    id: 'inv-1',
    number: 'INV-2026-00001',
    status: 'open',
    trigger: 'period_end',
    customer: 'acme',
    contract: 'acme-main',
    period: '2026-01',
    currency: 'USD',
    computed_on: '2026-02-01',
    issue_date: '2026-02-01',
    due_date: '2026-03-03',
    voided_on: null,
    lines: [
      {
        kind: 'base_fee',
        description: 'Platform fee',
        meter: null,
        charge: null,
        period: '2026-01',
        quantity: null,
        unit_price: null,
        amount: '100.00',
        detail: [],
        explanation: {},
      },
    ],
    subtotal: '100.00',
    discount: '0.00',
    discount_lines: [],
    credits: '0.00',
    credit_applications: [],
    tax: '0.00',
    tax_lines: [],
    tax_exempt: null,
    total: '100.00',
    prepaid_applied: '0.00',
    amount_paid: '0.00',
    credited: '0.00',
    balance_due: '100.00',
    usage_watermark: 0,
    ...overrides,
  };
}

export function creditNote(overrides: Partial<CreditNote> = {}): CreditNote {
  return {
    id: 'cn-1',
    number: 'CN-2026-00001',
    invoice: 'inv-1',
    customer: 'acme',
    currency: 'USD',
    amount: '10.00',
    reason: 'Goodwill',
    issue_date: '2026-02-10',
    ...overrides,
  };
}

/** A committed import batch whose segments are `files` (relative to the usage folder). */
export function usageBatch(
  seq: number,
  files: readonly string[],
  index: string | null = null,
): UsageBatch {
  return {
    id: `batch-${seq}`,
    seq,
    file_name: `usage-${seq}.csv`,
    sha256: 'ab'.repeat(32),
    format: 'csv',
    imported_at: '2026-02-01T08:00:00.000Z',
    accepted: files.length,
    duplicates: 0,
    rejected: 0,
    segments: files.map((file) => ({
      period: '2026-01',
      file,
      events: 1,
      bytes: 10,
      sha256: 'cd'.repeat(32),
    })),
    index,
    rolled_back_at: null,
  };
}
