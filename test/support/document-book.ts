/**
 * A small book of issued documents for the PDF, `show` and email tests: customers whose
 * names need more than ASCII, invoices in EUR and JPY, a long one, a void one, a draft,
 * a marketplace statement, a payment and a credit note.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InvoiceLine } from '../../src-main/domain/invoice';
import type { StoreData } from '../../src-main/store/data';
import { contract, customer, plan } from './builders';
import { creditNote, finalizedInvoice } from './documents';

export const LOGO_PNG = readFileSync(join(import.meta.dirname, '../fixtures/documents/logo.png'));

function line(index: number, amount: string): InvoiceLine {
  return {
    kind: 'usage',
    description: `Région ${index} — Datenübertragung`,
    meter: 'api_calls',
    charge: 0,
    period: '2026-10',
    quantity: '1000',
    unit_price: null,
    amount,
    detail: [
      { tier: 1, quantity: '600', unit_price: '0.01', flat_fee: '0', amount: '6' },
      { tier: 2, quantity: '400', unit_price: '0.0125', flat_fee: '0', amount: '5' },
    ],
    explanation: { usage_quantity: '1000', priced_quantity: '1000' },
  };
}

/** 16 lines of 11.00 EUR with their tiers: two pages on A4 and on Letter. */
const LONG_LINES = Array.from({ length: 16 }, (_, index) => line(index + 1, '11.00'));

export function seedDocumentBook(data: StoreData): void {
  data.settings.seller = {
    ...data.settings.seller,
    name: 'Nexus Engine GmbH',
    address: ['Friedrichstraße 12', '10117 Berlin', 'Deutschland'],
    tax_id: 'DE123456789',
    email: 'billing@nexus.example',
    bank: { name: 'Förde Bank', iban: 'DE89 3704 0044 0532 0130 00', routing: '', account: '' },
    logo: `data:image/png;base64,${LOGO_PNG.toString('base64')}`,
  };
  data.plans.push(
    plan({ code: 'growth', name: 'Growth', currency: 'EUR', interval: 'month' }),
    plan({ code: 'growth-jpy', name: 'Growth (JPY)', currency: 'JPY', interval: 'month' }),
  );
  data.customers.push(
    customer({
      id: 'zoe',
      name: 'Zoë Müller GmbH',
      currency: 'EUR',
      email: ['ap@zoe.example'],
      address: ['Søndergade 5', '8000 Aarhus'],
      tax_id: 'DK12345678',
      tax_rate: '19',
      tax_label: 'USt.',
    }),
    customer({
      id: 'cafe',
      name: 'Café Crème SARL',
      currency: 'EUR',
      email: ['compta@cafe.example'],
      address: ['3 rue de l’Église', '75004 Paris'],
      tax_exempt:
        'Reverse charge: VAT to be accounted for by the recipient (Art. 196 VAT Directive)',
    }),
    customer({ id: 'fuji', name: 'Fuji Mobility KK', currency: 'JPY', email: ['ap@fuji.example'] }),
  );
  data.contracts.push(
    contract({
      id: 'zoe-main',
      customer: 'zoe',
      plan: 'growth',
      start_date: '2026-01-01',
      payment_method: 'wire',
    }),
    contract({
      id: 'cafe-main',
      customer: 'cafe',
      plan: 'growth',
      start_date: '2026-01-01',
      payment_method: 'card',
    }),
    contract({
      id: 'fuji-main',
      customer: 'fuji',
      plan: 'growth-jpy',
      start_date: '2026-01-01',
      payment_method: 'ach',
    }),
    contract({
      id: 'zoe-aws',
      customer: 'zoe',
      plan: 'growth',
      start_date: '2026-01-01',
      payment_method: 'marketplace',
      channel: 'aws_marketplace',
      marketplace_account: '123456789012',
    }),
  );
  const eur = { customer: 'zoe', contract: 'zoe-main', currency: 'EUR', period: '2026-10' };
  data.invoices.push(
    finalizedInvoice({
      ...eur,
      id: 'inv-zoe',
      number: 'INV-2026-00001',
      issue_date: '2026-11-01',
      due_date: '2026-12-01',
      lines: [line(1, '1234.50')],
      subtotal: '1234.50',
      tax: '234.56',
      tax_lines: [{ label: 'USt.', rate: '19', taxable: '1234.50', amount: '234.56' }],
      total: '1469.06',
      amount_paid: '100.00',
      balance_due: '1369.06',
    }),
    finalizedInvoice({
      ...eur,
      id: 'inv-long',
      number: 'INV-2026-00002',
      issue_date: '2026-11-01',
      due_date: '2026-12-01',
      lines: LONG_LINES,
      subtotal: '176.00',
      total: '176.00',
      credited: '40.00',
      balance_due: '136.00',
    }),
    finalizedInvoice({
      ...eur,
      id: 'inv-void',
      number: 'INV-2026-00003',
      customer: 'cafe',
      contract: 'cafe-main',
      status: 'void',
      issue_date: '2026-11-01',
      due_date: '2026-12-01',
      voided_on: '2026-11-05',
      lines: [line(1, '99.00')],
      subtotal: '99.00',
      tax_exempt:
        'Reverse charge: VAT to be accounted for by the recipient (Art. 196 VAT Directive)',
      total: '99.00',
      balance_due: '99.00',
    }),
    finalizedInvoice({
      id: 'inv-fuji',
      number: 'INV-2026-00004',
      customer: 'fuji',
      contract: 'fuji-main',
      currency: 'JPY',
      period: '2026-10',
      issue_date: '2026-11-01',
      due_date: '2026-12-01',
      lines: [{ ...line(1, '1235'), detail: [] }],
      subtotal: '1235',
      discount: '0',
      credits: '0',
      tax: '0',
      total: '1235',
      prepaid_applied: '0',
      amount_paid: '0',
      credited: '0',
      balance_due: '1235',
    }),
    finalizedInvoice({
      ...eur,
      id: 'inv_zoe-main_2026-11_1',
      number: null,
      status: 'draft',
      period: '2026-11',
      issue_date: null,
      due_date: null,
      computed_on: '2026-12-01',
    }),
    finalizedInvoice({
      ...eur,
      id: 'inv_zoe-aws_2026-10_1',
      contract: 'zoe-aws',
      number: null,
      status: 'marketplace',
      issue_date: null,
      due_date: null,
      tax_exempt: 'Billed and taxed by the marketplace',
    }),
  );
  data.payments.push({
    id: 'pay-1',
    invoice: 'INV-2026-00001',
    amount: '100.00',
    date: '2026-11-20',
    method: 'wire',
    reference: 'W-77',
  });
  data.credit_notes.push(
    creditNote({
      id: 'cn-1',
      number: 'CN-2026-00001',
      invoice: 'INV-2026-00002',
      customer: 'zoe',
      currency: 'EUR',
      amount: '40.00',
      reason: 'Doppelt berechnete Region',
      issue_date: '2026-11-10',
    }),
  );
  data.sequences = { 'INV-2026-': 4, 'CN-2026-': 1 };
}
