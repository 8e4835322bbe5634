/**
 * Recording payments (documents-payments.md §3): one at a time (`pay`), or many rows of
 * a bank file in one store update (`import-payments`), with the same rules either way.
 */
import { firstFreeId } from '../domain/collections';
import { UserError } from '../domain/errors';
import type { Invoice } from '../domain/invoice';
import type { Credit, Payment } from '../domain/model';
import { Dec, formatMoney } from '../domain/money';
import {
  checkPaymentDate,
  findSamePayment,
  assertTakesPayments,
  invoiceName,
  overpaidBy,
  overpaymentCredit,
  receiptMethod,
} from '../domain/payments';
import { displayStatus, settlementOf } from '../domain/settlement';
import type { StoreData } from '../store/data';
import type { Store } from '../store/store';
import { parseAmount } from './amount';
import { findInvoice } from './present';
import { resolveRunDate } from './runDate';
import { refreshSettlement } from './settlement';
import { recordActivity, type ChangeOrigin } from './activity';

export interface PaymentInput {
  /** The invoice's number (a marketplace statement's id). */
  invoice: string;
  amount: string;
  method: string;
  date: string;
  reference?: string;
}

/** What `pay --json` prints (documents-payments.md §3). */
export interface PaymentResult {
  payment: {
    id: string;
    invoice: string;
    amount: string;
    date: string;
    method: string;
    reference: string;
  };
  invoice: { number: string; status: string; amount_paid: string; balance_due: string };
  overpayment_credit: { id: string; amount: string; currency: string } | null;
  /** The same payment was already recorded; nothing new was. */
  duplicate: boolean;
}

export async function recordPayment(
  store: Store,
  input: PaymentInput,
  origin: ChangeOrigin = {},
): Promise<PaymentResult> {
  return store.update((data, book) => {
    const result = applyPayment(data, input, resolveRunDate(data.settings));
    if (!result.duplicate) {
      const { payment, invoice } = result;
      recordActivity(book, origin, {
        action: 'payment.record',
        customer: findInvoice(data, input.invoice).customer,
        invoice: invoice.number,
        subject: payment.id,
        summary: `Recorded a payment of ${payment.amount} by ${payment.method} on ${payment.date} against ${invoice.number}.`,
      });
    }
    return result;
  });
}

/**
 * Records one payment in `data` (inside a store update) and returns what `pay` prints;
 * `runDate` decides whether the invoice shows as overdue. Throws a UserError, having
 * changed nothing, when the payment is refused.
 */
export function applyPayment(data: StoreData, input: PaymentInput, runDate: string): PaymentResult {
  const invoice = findInvoice(data, input.invoice);
  const method = receiptMethod(input.method);
  assertTakesPayments(invoice);
  if (/^-\d/.test(input.amount)) {
    throw new UserError(`The amount '${input.amount}' must be greater than 0.`);
  }
  const amount = parseAmount(input.amount, invoice.currency);
  checkPaymentDate(invoice, input.date);
  const reference = (input.reference ?? '').trim();
  const candidate = { date: input.date, amount: amount.toString(), reference };

  const same = findSamePayment(data.payments, candidate, invoice);
  if (same) return resultOf(data, invoice, same, null, true, runDate);

  const before = settlementOf(invoice, data.payments, data.credit_notes);
  if (new Dec(before.balance_due).isZero()) {
    throw new UserError(
      `Invoice ${invoiceName(invoice)} is already paid (nothing is due); record money received in advance with grant-credit --kind prepaid.`,
    );
  }
  const taken = new Set(data.payments.map((payment) => payment.id));
  const payment: Payment = {
    id: firstFreeId(taken, (n) => `pay_${n}`, data.payments.length + 1),
    invoice: invoiceName(invoice),
    amount: formatMoney(amount, invoice.currency),
    date: input.date,
    method,
    reference,
  };
  data.payments.push(payment);
  const excess = overpaidBy(amount, before.balance_due);
  let credit: Credit | null = null;
  if (excess.gt(0)) {
    credit = overpaymentCredit(invoice, payment, excess);
    data.credits.push(credit);
  }
  refreshSettlement(data, invoice);
  return resultOf(data, invoice, payment, credit, false, runDate);
}

function resultOf(
  data: StoreData,
  invoice: Invoice,
  payment: Payment,
  credit: Credit | null,
  duplicate: boolean,
  runDate: string,
): PaymentResult {
  const settlement = settlementOf(invoice, data.payments, data.credit_notes);
  return {
    payment: {
      id: payment.id,
      invoice: payment.invoice,
      amount: payment.amount,
      date: payment.date,
      method: payment.method,
      reference: payment.reference,
    },
    invoice: {
      number: invoiceName(invoice),
      status: displayStatus(invoice, settlement, runDate),
      amount_paid: settlement.amount_paid,
      balance_due: settlement.balance_due,
    },
    overpayment_credit:
      credit === null ? null : { id: credit.id, amount: credit.amount, currency: credit.currency },
    duplicate,
  };
}
