/**
 * The rules of money coming in (documents-payments.md §3, billing.md §9): which
 * invoice may take a payment, when two payments are the same one, and what part of a
 * payment goes beyond the balance due and becomes the customer's `overpayment` credit.
 */
import { isValidDate, periodStart } from './dates';
import { UserError } from './errors';
import { refersTo, type Invoice } from './invoice';
import { RECEIPT_METHODS, type Credit, type Payment, type ReceiptMethod } from './model';
import { Dec, formatMoney } from './money';

function isReceiptMethod(method: string): method is ReceiptMethod {
  return (RECEIPT_METHODS as readonly string[]).includes(method);
}

export function receiptMethod(method: string): ReceiptMethod {
  if (!isReceiptMethod(method)) {
    throw new UserError(
      `'${method}' is not a payment method; use one of ${RECEIPT_METHODS.join(', ')}.`,
    );
  }
  return method;
}

/** How the desk names an invoice to a person: its number, or a statement's id. */
export function invoiceName(invoice: Invoice): string {
  return invoice.number ?? invoice.id;
}

/** Refuses, with one sentence, an invoice that takes no payment: a draft or a void one. */
export function assertTakesPayments(invoice: Invoice): void {
  const name = invoiceName(invoice);
  if (invoice.status === 'draft') {
    throw new UserError(
      `Invoice ${name} is a draft; finalize it before recording a payment against it.`,
    );
  }
  if (invoice.status === 'void') {
    throw new UserError(`Invoice ${name} is void, and a void invoice takes no payment.`);
  }
}

/**
 * The first day a payment may be dated: the invoice's issue date, or the first day of
 * the period of a marketplace statement (which we never issue).
 */
function firstPaymentDate(invoice: Invoice): string {
  return invoice.issue_date ?? periodStart(invoice.period);
}

/** Refuses a payment date that is no date, or one before the invoice could be paid. */
export function checkPaymentDate(invoice: Invoice, date: string): void {
  if (!isValidDate(date)) {
    throw new UserError(`The payment date '${date}' is not a valid date YYYY-MM-DD.`);
  }
  const first = firstPaymentDate(invoice);
  if (date < first) {
    const what =
      invoice.issue_date === null
        ? `the start of its period ${invoice.period}`
        : `its issue date ${first}`;
    throw new UserError(
      `The payment date ${date} is before ${what}; invoice ${invoiceName(invoice)} could not be paid then.`,
    );
  }
}

/**
 * The same payment recorded twice (a bank file imported again, a retried command): the
 * same invoice, date, amount and reference. Without a reference two equal payments on
 * one day are told apart by nothing, so both are real.
 */
export function findSamePayment(
  payments: readonly Payment[],
  candidate: Pick<Payment, 'date' | 'amount' | 'reference'>,
  invoice: Invoice,
): Payment | undefined {
  if (candidate.reference.trim() === '') return undefined;
  return payments.find(
    (payment) =>
      refersTo(invoice, payment.invoice) &&
      payment.date === candidate.date &&
      payment.reference === candidate.reference &&
      new Dec(payment.amount).eq(candidate.amount),
  );
}

/** The part of `amount` beyond `balanceDue` (zero when it does not go beyond). */
export function overpaidBy(amount: Dec, balanceDue: string): Dec {
  return Dec.max(0, amount.minus(balanceDue));
}

/**
 * The credit a payment's excess becomes: the customer's, in the invoice's currency,
 * granted on the payment's date, so the next bill run applies it after tax
 * (billing.md §6). Its id follows from the payment's, so it is found again.
 */
export function overpaymentCredit(invoice: Invoice, payment: Payment, excess: Dec): Credit {
  const reference = payment.reference === '' ? '' : ` (reference ${payment.reference})`;
  return {
    id: `overpayment-${payment.id}`,
    customer: invoice.customer,
    kind: 'overpayment',
    amount: formatMoney(excess, invoice.currency),
    currency: invoice.currency,
    granted_on: payment.date,
    expires_on: null,
    note: `Overpayment of payment ${payment.id} on ${invoiceName(invoice)}${reference}, beyond its balance due`,
  };
}
