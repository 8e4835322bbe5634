import { describe, expect, it } from 'vitest';
import { invoiceDocument, type InvoiceSources } from '../../src-main/domain/document';
import type { InvoiceStatus } from '../../src-main/domain/invoice';
import { settingsSchema, type Contract } from '../../src-main/domain/model';
import { contract, customer } from '../support/builders';
import { finalizedInvoice } from '../support/documents';

const settings = settingsSchema.parse({
  seller: {
    name: 'Nexus Engine Inc.',
    address: ['1 Main Street', 'Springfield'],
    bank: { name: 'First Bank', iban: '', routing: '071000013', account: '000123456789' },
  },
});

function sources(
  method: Contract['payment_method'],
  status: InvoiceStatus = 'open',
  extra: Partial<Contract> = {},
): InvoiceSources {
  return {
    invoice: { ...finalizedInvoice(), status },
    settings,
    customer: customer({ id: 'acme', name: 'Acme Corp', currency: 'USD' }),
    contract: contract({
      id: 'acme-main',
      customer: 'acme',
      plan: 'p',
      start_date: '2026-01-01',
      payment_method: method,
      ...extra,
    }),
    payments: [],
    creditNotes: [],
  };
}

describe('invoice document', () => {
  it('gives payment instructions for the contract payment method', () => {
    expect(invoiceDocument(sources('wire')).instructions).toEqual({
      heading: 'Payment by bank transfer',
      lines: [
        'Beneficiary: Nexus Engine Inc.',
        'Bank: First Bank',
        'Routing number: 071000013',
        'Account number: 000123456789',
        'Payment reference: INV-2026-00001',
      ],
    });
    expect(invoiceDocument(sources('ach')).instructions.heading).toBe('Payment by ACH transfer');
    expect(invoiceDocument(sources('card')).instructions.lines).toEqual([
      'The balance due will be charged to the card on file.',
    ]);
    expect(invoiceDocument(sources('check')).instructions.lines).toEqual([
      'Make the check payable to Nexus Engine Inc. and mail it to:',
      '1 Main Street',
      'Springfield',
      'Write INV-2026-00001 on the check.',
    ]);
    const marketplace = sources('marketplace', 'marketplace', {
      channel: 'azure_marketplace',
      marketplace_account: 'sub-42',
    });
    expect(invoiceDocument(marketplace).instructions).toEqual({
      heading: 'Billed through Azure Marketplace',
      lines: [
        'Azure Marketplace bills and collects these charges; this statement is for your records.',
        'Marketplace account: sub-42',
      ],
    });
    expect(invoiceDocument(sources('wire', 'paid')).instructions.heading).toBe('Paid in full');
  });

  it('says a void invoice owes nothing and marks it', () => {
    const voided = invoiceDocument(sources('wire', 'void'));
    expect(voided.mark).toBe('VOID');
    expect(voided.totals.at(-1)).toEqual({ label: 'Balance due', amount: '$0.00', strong: true });
    expect(voided.instructions.heading).toBe('Nothing to pay');
  });

  it('reads credits and payments as amounts taken off, and zero as zero', () => {
    const source = sources('wire');
    source.invoice = {
      ...source.invoice,
      discount_lines: [{ description: 'Discount 10%', percent: '10', amount: '10.00' }],
      credit_applications: [
        { credit: 'sla-1', kind: 'sla', amount: '5.00' },
        { credit: 'pre-1', kind: 'prepaid', amount: '20.00' },
      ],
    };
    expect(invoiceDocument(source).totals.map(({ label, amount }) => `${label} ${amount}`)).toEqual(
      [
        'Subtotal $100.00',
        'Discount 10% -$10.00',
        'SLA credit (sla-1) -$5.00',
        'Tax $0.00',
        'Total $100.00',
        'Prepaid balance (pre-1) -$20.00',
        'Amount paid $0.00',
        'Balance due $100.00',
      ],
    );
  });
});
