/**
 * A customer statement as a document a person reads, laid out like the invoices (same
 * header, parties and footer): one row per entry with what it charged, what it took
 * off and the running balance, each currency opened and closed by its balance.
 */
import {
  bankLines,
  customerParty,
  sellerParty,
  type BillingDocument,
  type DocumentRow,
  type DocumentTotal,
} from './document';
import { formatAmount, formatDate } from './locale-format';
import type { Customer, Settings } from './model';
import { Dec } from './money';
import type { Statement, StatementEntry, StatementSection } from './statement';

const ENTRY_NAMES: Record<StatementEntry['kind'], string> = {
  invoice: 'Invoice',
  payment: 'Payment',
  credit_note: 'Credit note',
  void: 'Void of invoice',
};

export function statementDocument(
  statement: Statement,
  customer: Customer | undefined,
  settings: Settings,
): BillingDocument {
  const { locale } = settings;
  const date = (day: string) => formatDate(day, locale);
  const several = statement.currencies.length > 1;
  const owed = statement.currencies.filter((section) => new Dec(section.closing_balance).gt(0));
  return {
    kind: 'account_statement',
    title: 'Statement',
    reference: `${date(statement.from)} – ${date(statement.to)}`,
    date: statement.to,
    mark: null,
    logo: settings.seller.logo,
    seller: sellerParty(settings),
    customer: customerParty(customer, statement.customer),
    facts: [
      { label: 'Statement date', value: date(statement.to) },
      { label: 'Customer ID', value: statement.customer },
      ...owed.map((section) => ({
        label: several ? `Balance due (${section.currency})` : 'Balance due',
        value: formatAmount(section.closing_balance, section.currency, locale),
      })),
    ],
    columns: { quantity: 'CHARGES', unitPrice: 'PAYMENTS & CREDITS', amount: 'BALANCE' },
    rows: statement.currencies.flatMap((section) =>
      sectionRows(section, statement, locale, several),
    ),
    totals: statement.currencies.flatMap((section) => sectionTotals(section, locale, several)),
    payments: [],
    notes: [
      ...(statement.currencies.length === 0
        ? [`${customer?.name ?? statement.customer} had no invoices up to ${date(statement.to)}.`]
        : []),
      ...(statement.currencies.some(wentBelowZero)
        ? ['A balance below zero is money we hold for you; it is taken off your next invoices.']
        : []),
    ],
    instructions:
      owed.length === 0
        ? { heading: 'Nothing is due', lines: ['Thank you: this account has no balance to pay.'] }
        : {
            heading: 'How to pay the balance',
            lines: [
              ...owed.map(
                (section) =>
                  `Balance due: ${formatAmount(section.closing_balance, section.currency, locale)}`,
              ),
              ...bankLines(settings),
              'Payment reference: the numbers of the invoices you pay',
            ],
          },
  };
}

function sectionRows(
  section: StatementSection,
  statement: Statement,
  locale: string,
  several: boolean,
): DocumentRow[] {
  const money = (amount: string) => formatAmount(amount, section.currency, locale);
  const inCurrency = several ? ` (${section.currency})` : '';
  const balanceRow = (description: string, amount: string): DocumentRow => ({
    description,
    explanation: '',
    quantity: '',
    unitPrice: '',
    amount: money(amount),
    tiers: [],
  });
  return [
    balanceRow(
      `Opening balance on ${formatDate(statement.from, locale)}${inCurrency}`,
      section.opening_balance,
    ),
    ...section.entries.map((entry): DocumentRow => ({
      description: `${formatDate(entry.date, locale)} · ${ENTRY_NAMES[entry.kind]} ${entry.reference}`,
      explanation:
        entry.kind === 'payment' || entry.kind === 'credit_note' ? `For ${entry.invoice}` : '',
      quantity: new Dec(entry.charge).isZero() ? '' : money(entry.charge),
      unitPrice: new Dec(entry.credit).isZero() ? '' : money(entry.credit),
      amount: money(entry.balance),
      tiers: [],
    })),
    balanceRow(
      `Closing balance on ${formatDate(statement.to, locale)}${inCurrency}`,
      section.closing_balance,
    ),
  ];
}

function sectionTotals(
  section: StatementSection,
  locale: string,
  several: boolean,
): DocumentTotal[] {
  const money = (amount: string) => formatAmount(amount, section.currency, locale);
  // What is taken off reads as negative; nothing taken off reads as a plain zero.
  const minus = (amount: string) => money(new Dec(amount).isZero() ? amount : `-${amount}`);
  const inCurrency = several ? ` (${section.currency})` : '';
  return [
    {
      label: `Opening balance${inCurrency}`,
      amount: money(section.opening_balance),
      strong: false,
    },
    { label: 'Invoiced', amount: money(section.invoiced), strong: false },
    { label: 'Payments received', amount: minus(section.paid), strong: false },
    { label: 'Credit notes', amount: minus(section.credited), strong: false },
    ...(new Dec(section.voided).isZero()
      ? []
      : [{ label: 'Voided invoices', amount: minus(section.voided), strong: false }]),
    { label: `Closing balance${inCurrency}`, amount: money(section.closing_balance), strong: true },
  ];
}

function wentBelowZero(section: StatementSection): boolean {
  return [section.opening_balance, ...section.entries.map((entry) => entry.balance)].some(
    (balance) => new Dec(balance).lt(0),
  );
}
