/**
 * What an invoice, a credit note or a marketplace statement says, as text a person
 * reads: every amount and date already formatted for the seller's locale. `show`
 * prints it in a terminal and the PDF lays it out on pages, so both say the same.
 */
import type { CreditApplication, CreditNote, Invoice, InvoiceLine, InvoiceStatus } from './invoice';
import { formatAmount, formatDate, formatQuantity, formatUnitPrice } from './locale-format';
import type { Contract, Customer, Payment, Settings } from './model';
import { taxLineLabel } from './tax-label';

export type DocumentKind = 'invoice' | 'credit_note' | 'statement' | 'account_statement';

export interface Party {
  name: string;
  /** Address lines, then the tax id and email when known. */
  lines: string[];
}

export interface DocumentTier {
  label: string;
  quantity: string;
  unitPrice: string;
  amount: string;
}

export interface DocumentRow {
  description: string;
  /** How the amount came about (proration, included units, what was billed before). */
  explanation: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  tiers: DocumentTier[];
}

export interface DocumentTotal {
  label: string;
  amount: string;
  /** The figures the reader looks for first: the total and the balance due. */
  strong: boolean;
}

export interface DocumentFact {
  label: string;
  value: string;
}

export interface DocumentPayment {
  date: string;
  method: string;
  reference: string;
  amount: string;
}

export interface BillingDocument {
  kind: DocumentKind;
  /** "Invoice", "Credit note", "Marketplace statement". */
  title: string;
  /** The number, or the id of a draft or a statement. */
  reference: string;
  /** The day it was issued (computed, for a draft or a statement), YYYY-MM-DD. */
  date: string;
  /** Printed across the page. */
  mark: 'VOID' | 'DRAFT' | null;
  /** A PNG or JPEG `data:` URL. */
  logo: string | null;
  seller: Party;
  customer: Party;
  facts: DocumentFact[];
  rows: DocumentRow[];
  totals: DocumentTotal[];
  payments: DocumentPayment[];
  /** Tax exemption, the invoice a credit note corrects, why a document is void. */
  notes: string[];
  /** How to pay, for the contract's payment method. */
  instructions: { heading: string; lines: string[] };
  /** The numeric columns' headings, when not QUANTITY, UNIT PRICE and AMOUNT. */
  columns?: { quantity: string; unitPrice: string; amount: string };
}

/** What a document is made from; the caller finds the records in its store. */
export interface DocumentSources {
  settings: Settings;
  customer: Customer | undefined;
  contract: Contract | undefined;
}

export interface InvoiceSources extends DocumentSources {
  /** The invoice with its status and settlement as of the day it is looked at. */
  invoice: Omit<Invoice, 'status'> & { status: InvoiceStatus };
  payments: readonly Payment[];
  creditNotes: readonly CreditNote[];
}

const MARKETPLACES: Record<string, string> = {
  aws_marketplace: 'AWS Marketplace',
  azure_marketplace: 'Azure Marketplace',
  gcp_marketplace: 'Google Cloud Marketplace',
};

const METHOD_NAMES: Record<string, string> = {
  card: 'Card',
  ach: 'ACH',
  invoice: 'Bank transfer',
  wire: 'Wire transfer',
  check: 'Check',
  cash: 'Cash',
  marketplace: 'Marketplace',
  other: 'Other',
};

export function methodName(method: string): string {
  return METHOD_NAMES[method] ?? method;
}

export function invoiceDocument(sources: InvoiceSources): BillingDocument {
  const { invoice, settings } = sources;
  const locale = settings.locale;
  const money = (amount: string) => formatAmount(amount, invoice.currency, locale);
  const statement = invoice.status === 'marketplace';
  const draft = invoice.status === 'draft';
  const voided = invoice.status === 'void';
  const facts: DocumentFact[] = [
    {
      label: statement ? 'Statement' : draft ? 'Draft' : 'Invoice number',
      value: invoice.number ?? invoice.id,
    },
    ...dateFact('Issue date', invoice.issue_date, locale),
    ...dateFact('Due date', invoice.due_date, locale),
    { label: 'Period', value: invoice.period },
    ...(statement ? [] : [{ label: 'Payment terms', value: paymentTerms(sources) }]),
    ...(sources.contract ? [{ label: 'Contract', value: sources.contract.id }] : []),
    { label: 'Status', value: statusText(invoice.status) },
  ];
  return {
    kind: statement ? 'statement' : 'invoice',
    title: statement ? 'Marketplace statement' : 'Invoice',
    reference: invoice.number ?? invoice.id,
    date: invoice.issue_date ?? invoice.computed_on,
    mark: voided ? 'VOID' : draft ? 'DRAFT' : null,
    logo: settings.seller.logo,
    seller: sellerParty(settings),
    customer: customerParty(sources.customer, invoice.customer),
    facts,
    rows: invoice.lines.map((line) => documentRow(line, invoice.currency, invoice.period, locale)),
    totals: invoiceTotals(sources),
    payments: sources.payments.map((payment) => ({
      date: formatDate(payment.date, locale),
      method: methodName(payment.method),
      reference: payment.reference,
      amount: money(payment.amount),
    })),
    notes: [
      ...(invoice.tax_exempt === null ? [] : [`Tax exempt: ${invoice.tax_exempt}`]),
      ...(voided
        ? [
            `This invoice was voided${invoice.voided_on ? ` on ${formatDate(invoice.voided_on, locale)}` : ''}; nothing is owed on it.`,
          ]
        : []),
      ...(draft ? ['Draft: not a request for payment until it is finalized.'] : []),
    ],
    instructions: paymentInstructions(sources),
  };
}

export function creditNoteDocument(
  note: CreditNote,
  invoice: Invoice | undefined,
  sources: DocumentSources,
): BillingDocument {
  const locale = sources.settings.locale;
  const money = (amount: string) => formatAmount(amount, note.currency, locale);
  const corrects = invoice?.number ?? note.invoice;
  return {
    kind: 'credit_note',
    title: 'Credit note',
    reference: note.number,
    date: note.issue_date,
    mark: null,
    logo: sources.settings.seller.logo,
    seller: sellerParty(sources.settings),
    customer: customerParty(sources.customer, note.customer),
    facts: [
      { label: 'Credit note number', value: note.number },
      { label: 'Issue date', value: formatDate(note.issue_date, locale) },
      { label: 'Corrects invoice', value: corrects },
      ...(invoice ? [{ label: 'Invoice period', value: invoice.period }] : []),
    ],
    rows: [
      {
        description: note.reason,
        explanation: `Credit against invoice ${corrects}`,
        quantity: '',
        unitPrice: '',
        amount: money(note.amount),
        tiers: [],
      },
    ],
    totals: [{ label: 'Total credited', amount: money(note.amount), strong: true }],
    payments: [],
    notes: [
      `This credit note corrects invoice ${corrects}: it lowers what is owed on it, and any part beyond the balance due is kept as credit for later invoices.`,
    ],
    instructions: { heading: 'No payment is due', lines: ['This document asks for no payment.'] },
  };
}

function dateFact(label: string, date: string | null, locale: string): DocumentFact[] {
  return date === null ? [] : [{ label, value: formatDate(date, locale) }];
}

function statusText(status: InvoiceStatus): string {
  const text = status.replace('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function paymentTerms({ contract, settings }: InvoiceSources): string {
  const days = contract?.payment_terms_days ?? settings.payment_terms_days;
  return days === 0 ? 'Due on receipt' : `Net ${days} days`;
}

export function sellerParty(settings: Settings): Party {
  const { seller } = settings;
  return {
    name: seller.name,
    lines: [
      ...seller.address,
      ...(seller.tax_id ? [`Tax ID: ${seller.tax_id}`] : []),
      ...(seller.email ? [seller.email] : []),
    ],
  };
}

export function customerParty(customer: Customer | undefined, id: string): Party {
  if (!customer) return { name: id, lines: [] };
  return {
    name: customer.name,
    lines: [
      ...customer.address,
      ...(customer.tax_id ? [`Tax ID: ${customer.tax_id}`] : []),
      `Customer ID: ${customer.id}`,
    ],
  };
}

function documentRow(
  line: InvoiceLine,
  currency: string,
  invoicePeriod: string,
  locale: string,
): DocumentRow {
  return {
    description: line.description,
    explanation: lineExplanation(line, currency, invoicePeriod, locale),
    quantity: line.quantity === null ? '' : formatQuantity(line.quantity, locale),
    unitPrice: line.unit_price === null ? '' : formatUnitPrice(line.unit_price, currency, locale),
    amount: formatAmount(line.amount, currency, locale),
    tiers: line.detail.map((tier) => ({
      label: `Tier ${tier.tier}${tier.flat_fee !== '0' ? ` (flat fee ${formatUnitPrice(tier.flat_fee, currency, locale)})` : ''}`,
      quantity: formatQuantity(tier.quantity, locale),
      unitPrice: formatUnitPrice(tier.unit_price, currency, locale),
      amount: formatUnitPrice(tier.amount, currency, locale),
    })),
  };
}

/** One sentence of the line's explanation fields, in the order a reader asks about them. */
function lineExplanation(
  line: InvoiceLine,
  currency: string,
  invoicePeriod: string,
  locale: string,
): string {
  const x = line.explanation;
  const quantity = (value: string) => formatQuantity(value, locale);
  const price = (value: string) => formatUnitPrice(value, currency, locale);
  const parts: string[] = [];
  if (x.active_days !== undefined && x.period_days !== undefined && x.full_amount !== undefined) {
    parts.push(
      x.active_days === x.period_days
        ? `full period of ${price(x.full_amount)}`
        : `${x.active_days} of ${x.period_days} days of ${price(x.full_amount)}`,
    );
  }
  if (x.charged !== undefined) parts.push(`fees and charges came to ${price(x.charged)}`);
  if (x.usage_quantity !== undefined) parts.push(`used ${quantity(x.usage_quantity)}`);
  if (x.reserved !== undefined) parts.push(`reserved ${quantity(x.reserved)}`);
  if (x.included !== undefined) parts.push(`included ${quantity(x.included)}`);
  if (x.priced_quantity !== undefined && x.priced_quantity !== x.usage_quantity) {
    parts.push(`billed ${quantity(x.priced_quantity)}`);
  }
  if (x.blocked_quantity !== undefined) {
    parts.push(`${quantity(x.blocked_quantity)} over quota not billed`);
  }
  if (x.events !== undefined && x.transaction_amount !== undefined) {
    parts.push(`${quantity(String(x.events))} transactions worth ${price(x.transaction_amount)}`);
  }
  if (x.packages !== undefined) parts.push(`${quantity(x.packages)} packages`);
  if (x.previously_billed !== undefined) {
    parts.push(
      `${price(x.previously_billed)} billed before${x.invoices?.length ? ` on ${x.invoices.join(', ')}` : ''}`,
    );
  }
  if (line.period !== invoicePeriod) parts.push(`usage of ${line.period}`);
  if (x.note) parts.push(x.note);
  const text = parts.join('; ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

const CREDIT_KIND_NAMES: Record<string, string> = {
  sla: 'SLA credit',
  promotional: 'Promotional credit',
  goodwill: 'Goodwill credit',
  prepaid: 'Prepaid balance',
  overpayment: 'Overpayment credit',
};

function invoiceTotals({ invoice, settings }: InvoiceSources): DocumentTotal[] {
  const locale = settings.locale;
  const money = (amount: string) => formatAmount(amount, invoice.currency, locale);
  // What is taken off reads as negative; nothing taken off reads as a plain zero.
  const minus = (amount: string) =>
    money(amount.startsWith('-') || !/[1-9]/.test(amount) ? amount : `-${amount}`);
  const row = (label: string, amount: string, strong = false) => ({ label, amount, strong });
  const isBalanceCredit = (kind: string) => kind === 'prepaid' || kind === 'overpayment';
  const creditRow = ({ kind, credit, amount }: CreditApplication) =>
    row(`${CREDIT_KIND_NAMES[kind] ?? 'Credit'} (${credit})`, minus(amount));
  const rows = [
    row('Subtotal', money(invoice.subtotal)),
    ...invoice.discount_lines.map((line) => row(line.description, minus(line.amount))),
    ...invoice.credit_applications.filter((a) => !isBalanceCredit(a.kind)).map(creditRow),
    ...(invoice.tax_lines.length > 0
      ? invoice.tax_lines.map((line) =>
          row(taxLineLabel(line.label, line.rate, locale), money(line.amount)),
        )
      : [row(invoice.tax_exempt === null ? 'Tax' : 'Tax (exempt)', money(invoice.tax))]),
    row('Total', money(invoice.total), true),
    ...invoice.credit_applications.filter((a) => isBalanceCredit(a.kind)).map(creditRow),
  ];
  if (invoice.status === 'marketplace') return rows;
  return [
    ...rows,
    ...(/[1-9]/.test(invoice.credited) ? [row('Credit notes', minus(invoice.credited))] : []),
    row('Amount paid', minus(invoice.amount_paid)),
    // A void invoice owes nothing, whatever it said before it was voided.
    row('Balance due', money(invoice.status === 'void' ? '0' : invoice.balance_due), true),
  ];
}

function paymentInstructions({ invoice, contract, settings }: InvoiceSources): {
  heading: string;
  lines: string[];
} {
  const reference = invoice.number ?? invoice.id;
  const marketplace = contract ? MARKETPLACES[contract.channel] : undefined;
  if (invoice.status === 'marketplace' || marketplace !== undefined) {
    const name = marketplace ?? 'the marketplace';
    return {
      heading: `Billed through ${name}`,
      lines: [
        `${name} bills and collects these charges; this statement is for your records.`,
        ...(contract?.marketplace_account
          ? [`Marketplace account: ${contract.marketplace_account}`]
          : []),
      ],
    };
  }
  if (invoice.status === 'void') {
    return { heading: 'Nothing to pay', lines: ['This invoice is void.'] };
  }
  if (invoice.status === 'paid') {
    return {
      heading: 'Paid in full',
      lines: ['Thank you: nothing is left to pay on this invoice.'],
    };
  }
  const { seller } = settings;
  switch (contract?.payment_method) {
    case 'card':
      return {
        heading: 'Payment by card',
        lines: ['The balance due will be charged to the card on file.'],
      };
    case 'check':
      return {
        heading: 'Payment by check',
        lines: [
          `Make the check payable to ${seller.name} and mail it to:`,
          ...seller.address,
          `Write ${reference} on the check.`,
        ],
      };
    default: {
      const method = contract?.payment_method === 'ach' ? 'ACH transfer' : 'bank transfer';
      return {
        heading: `Payment by ${method}`,
        lines: [...bankLines(settings), `Payment reference: ${reference}`],
      };
    }
  }
}

/** Where a bank transfer goes: the beneficiary and the seller's bank details. */
export function bankLines({ seller }: Settings): string[] {
  const { bank } = seller;
  return [
    `Beneficiary: ${seller.name}`,
    ...(bank.name ? [`Bank: ${bank.name}`] : []),
    ...(bank.iban ? [`IBAN: ${bank.iban}`] : []),
    ...(bank.routing ? [`Routing number: ${bank.routing}`] : []),
    ...(bank.account ? [`Account number: ${bank.account}`] : []),
  ];
}
