/**
 * Properties of the bill run over generated books (./arbitraries.ts), each run in a
 * fresh store through the real usage import: the invoice arithmetic, idempotence,
 * credits never overdrawn, gapless numbers and finalized invoices that never change,
 * whatever sequence of bill runs, late imports, finalizations, voids and credit notes.
 */
import { loadBundle } from '../../src-main/bundle/load';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minorUnits } from '../../src-main/domain/currency';
import { addDays, periodRange, dateOfDay } from '../../src-main/domain/dates';
import { UserError } from '../../src-main/domain/errors';
import type { Invoice } from '../../src-main/domain/invoice';
import { Dec, formatMoney, sum } from '../../src-main/domain/money';
import { sequencePrefix } from '../../src-main/domain/numbering';
import { settlementOf } from '../../src-main/domain/settlement';
import { issueCreditNote } from '../../src-main/services/creditNotes';
import { finalizeInvoices } from '../../src-main/services/finalize';
import { voidInvoice } from '../../src-main/services/voidInvoice';
import type { ReadonlyStoreData } from '../../src-main/store/data';
import { openStore, type Store } from '../../src-main/store/store';
import {
  bookArb,
  operationsArb,
  PERIODS,
  type DeskOperation,
  type GeneratedBook,
} from '../support/arbitraries';
import { bill, importUsage } from '../support/billing-store';

const RUNS = { numRuns: 40 };

async function withBook<T>(book: GeneratedBook, use: (store: Store) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'nexus-property-'));
  const store = await openStore(dir);
  try {
    await loadBundle(store, book.bundle, 'generated');
    return await use(store);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const decimal = (text: string) => new Dec(text);
const total = (items: readonly { amount: string }[]) =>
  sum(items.map((item) => decimal(item.amount)));

function assertArithmetic(data: ReadonlyStoreData, invoice: Invoice): void {
  const money = (value: Dec) => formatMoney(value, invoice.currency);
  const places = minorUnits(invoice.currency);
  const amountPattern = places === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${places}}$`);
  for (const line of invoice.lines) {
    expect(line.amount).toMatch(amountPattern);
    // Rounded once: the line is its exact amount rounded, never a rounded figure rounded again.
    if (line.explanation.exact_amount !== undefined)
      expect(line.amount).toBe(money(decimal(line.explanation.exact_amount)));
  }
  expect(invoice.subtotal).toBe(money(total(invoice.lines)));
  const priceCredits = invoice.credit_applications.filter((a) =>
    ['sla', 'promotional', 'goodwill'].includes(a.kind),
  );
  const balanceCredits = invoice.credit_applications.filter((a) =>
    ['prepaid', 'overpayment'].includes(a.kind),
  );
  expect(invoice.credits).toBe(money(total(priceCredits)));
  expect(invoice.prepaid_applied).toBe(money(total(balanceCredits)));
  expect(invoice.discount).toBe(money(total(invoice.discount_lines)));
  expect(invoice.tax).toBe(money(total(invoice.tax_lines)));
  expect(invoice.total).toBe(
    money(
      decimal(invoice.subtotal).minus(invoice.discount).minus(invoice.credits).plus(invoice.tax),
    ),
  );
  const preTax = decimal(invoice.subtotal).minus(invoice.discount);
  if (priceCredits.length > 0) expect(decimal(invoice.credits).lte(Dec.max(0, preTax))).toBe(true);
  if (balanceCredits.length > 0)
    expect(decimal(invoice.prepaid_applied).lte(Dec.max(0, invoice.total))).toBe(true);
  expect(invoice.balance_due).toBe(
    settlementOf(invoice, data.payments, data.credit_notes).balance_due,
  );
}

function assertCreditsNotOverdrawn(data: ReadonlyStoreData): void {
  for (const credit of data.credits) {
    const applied = data.invoices
      .filter((invoice) => invoice.status !== 'void')
      .flatMap((invoice) => invoice.credit_applications.filter((a) => a.credit === credit.id));
    for (const application of applied) expect(decimal(application.amount).gt(0)).toBe(true);
    expect(total(applied).lte(credit.amount)).toBe(true);
  }
}

/** Every rendered prefix's numbers are 1…n, each once, and the counter is at n. */
function assertGapless(data: ReadonlyStoreData): void {
  const { invoice_number_format: invoiceFormat, credit_note_number_format: noteFormat } =
    data.settings;
  const documents = [
    ...data.invoices.flatMap((i) =>
      i.number && i.issue_date
        ? [{ format: invoiceFormat, number: i.number, date: i.issue_date }]
        : [],
    ),
    ...data.credit_notes.map((n) => ({ format: noteFormat, number: n.number, date: n.issue_date })),
  ];
  const byPrefix = new Map<string, number[]>();
  for (const document of documents) {
    const prefix = sequencePrefix(document.format, document.date.slice(0, 4));
    const seq = Number(document.number.slice(prefix.length));
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), seq]);
  }
  for (const [prefix, seqs] of byPrefix) {
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs.map((_, index) => index + 1));
    expect(data.sequences[prefix]).toBe(seqs.length);
  }
  expect(Object.keys(data.sequences).sort()).toEqual([...byPrefix.keys()].sort());
}

const SETTLEMENT = new Set(['status', 'voided_on', 'amount_paid', 'credited', 'balance_due']);
function frozenPart(invoice: Invoice): Partial<Invoice> {
  return Object.fromEntries(Object.entries(invoice).filter(([key]) => !SETTLEMENT.has(key)));
}

function runDateAfter(period: string, days: number): string {
  return addDays(dateOfDay(periodRange(period).end), days);
}

async function perform(store: Store, book: GeneratedBook, operation: DeskOperation): Promise<void> {
  const data = store.read();
  const pick = <T>(items: readonly T[], n: number): T | undefined =>
    items[n % Math.max(1, items.length)];
  try {
    switch (operation.op) {
      case 'bill': {
        const period = PERIODS[operation.period] ?? '2026-09';
        await bill(store, {
          period,
          asOf: runDateAfter(period, operation.asOf),
          finalize: operation.finalize,
        });
        return;
      }
      case 'import': {
        const events = book.laterBatches[operation.batch] ?? [];
        if (events.length > 0) await importUsage(store, events, `late-${operation.batch}`);
        return;
      }
      case 'finalize': {
        const draft = pick(
          data.invoices.filter((i) => i.status === 'draft'),
          operation.pick,
        );
        if (draft)
          await finalizeInvoices(store, [draft.id], {
            asOf: runDateAfter(draft.period, operation.asOf),
          });
        return;
      }
      case 'void': {
        const open = pick(
          data.invoices.filter((i) => i.number !== null && i.status !== 'void'),
          operation.pick,
        );
        if (open?.number)
          await voidInvoice(store, open.number, { asOf: open.issue_date ?? undefined });
        return;
      }
      case 'credit-note': {
        const target = pick(
          data.invoices.filter((i) => i.number !== null),
          operation.pick,
        );
        if (!target?.number || !target.issue_date) return;
        const amount = formatMoney(
          decimal(target.total).times(operation.percent).div(100),
          target.currency,
        );
        await issueCreditNote(store, {
          invoice: target.number,
          amount,
          reason: 'property',
          asOf: target.issue_date,
        });
        return;
      }
    }
  } catch (error) {
    // Refusals are part of the desk's life (a void of a paid invoice, a note too large…);
    // anything else is a bug.
    if (!(error instanceof UserError)) throw error;
  }
}

describe('bill run properties', () => {
  it('every invoice adds up: lines rounded once, total = subtotal − discount − credits + tax', async () => {
    await fc.assert(
      fc.asyncProperty(bookArb, (book) =>
        withBook(book, async (store) => {
          for (const period of PERIODS)
            await bill(store, { period, asOf: runDateAfter(period, 1), finalize: true });
          const data = store.read();
          for (const invoice of data.invoices) assertArithmetic(data, invoice);
          assertCreditsNotOverdrawn(data);
        }),
      ),
      RUNS,
    );
  });

  it('a second bill run with the same inputs changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        bookArb,
        fc.constantFrom(...PERIODS),
        fc.integer({ min: -20, max: 20 }),
        (book, period, days) =>
          withBook(book, async (store) => {
            const asOf = runDateAfter(period, days);
            const first = await bill(store, { period, asOf });
            const before = structuredClone(store.read());
            const second = await bill(store, { period, asOf });
            expect(store.read()).toEqual(before);
            expect(second).toEqual(first);
          }),
      ),
      RUNS,
    );
  });

  it('numbers stay gapless, credits are never overdrawn and finalized invoices never change, whatever the desk does', async () => {
    await fc.assert(
      fc.asyncProperty(bookArb, operationsArb, (book, operations) =>
        withBook(book, async (store) => {
          const frozen = new Map<string, Partial<Invoice>>();
          for (const operation of operations) {
            await perform(store, book, operation);
            const data = store.read();
            for (const invoice of data.invoices) {
              assertArithmetic(data, invoice);
              if (invoice.number === null) continue;
              const seen = frozen.get(invoice.id);
              if (seen) expect(frozenPart(invoice)).toEqual(seen);
              else frozen.set(invoice.id, frozenPart(invoice));
            }
            expect(data.invoices.filter((i) => i.number !== null)).toHaveLength(frozen.size);
            assertGapless(data);
            assertCreditsNotOverdrawn(data);
          }
        }),
      ),
      RUNS,
    );
  });
});
