/**
 * The one API of the desk: every procedure's request and response as zod schemas,
 * written once. The Electron IPC door, the HTTP door of the browser mode and the
 * renderer's API client are all generated from this object, so a procedure exists in
 * all of them or in none. It imports zod and the domain schemas only: the renderer
 * bundles it too.
 *
 * Conventions: money and quantities are decimal strings (never JSON numbers); a
 * reference to an invoice is its number once finalized, its id while a draft; long
 * jobs (usage import, bill run) answer a job id at once and report through `jobStatus`.
 */
import { z } from 'zod';
import {
  creditNoteSchema,
  INVOICE_STATUSES,
  invoiceLineSchema,
  invoiceSchema,
  type InvoiceStatus,
} from '../domain/invoice';
import {
  contractSchema,
  creditSchema,
  CREDIT_KINDS,
  currencyCode,
  customerSchema,
  decimalString,
  isoDate,
  meterSchema,
  PAGE_SIZES,
  paymentSchema,
  periodName,
  planSchema,
  RECEIPT_METHODS,
  sellerSchema,
  settingsSchema,
  uptimeSchema,
} from '../domain/model';
import { USAGE_FORMATS } from '../domain/usage';
import { activityEntrySchema } from '../domain/activity';
import { BANK_FILE_ENCODINGS } from '../domain/bank-rows';
import { emailRecordSchema } from '../domain/email-record';
import { BILLING_MODELS } from '../domain/billing-model';
import type { ProcedureName } from './procedures';
// ---- reminders (remind)
import { reminderPlanSchema, remindersResultSchema } from '../domain/reminders';

export { ipcChannel, PROCEDURE_NAMES, type ProcedureName } from './procedures';

export interface ProcedureSpec<Input extends z.ZodType, Output extends z.ZodType> {
  /** One line for humans: the HTTP door's index and the contract test name it. */
  summary: string;
  input: Input;
  output: Output;
}

function procedure<Input extends z.ZodType, Output extends z.ZodType>(
  spec: ProcedureSpec<Input, Output>,
): ProcedureSpec<Input, Output> {
  return spec;
}

const none = z.strictObject({});
const reference = z.string().min(1, 'names no invoice');
/**
 * The SMTP password of a procedure that sends mail: filled in by the desktop shell from
 * the keychain on the call's way to the backend; never sent by the window.
 */
const smtpPasswordFromTheShell = z.string().optional();

// ---------------------------------------------------------------- shared shapes

export const smtpPasswordStatusSchema = z.strictObject({
  place: z.enum(['keychain', 'environment']),
  smtp_password_set: z.boolean(),
});
export const backupSchema = z.strictObject({
  name: z.string(),
  time: z.string(),
  reason: z.string(),
  size: z.number().int(),
});

export const usageFormatSchema = z.enum(USAGE_FORMATS);

/** An invoice as shown. Statuses include the derived `partially_paid` and `overdue`. */
export const invoiceViewSchema = invoiceSchema.extend({ status: z.enum(INVOICE_STATUSES) });
export type InvoiceView = z.infer<typeof invoiceViewSchema>;

/** One row of the invoices list: what the table shows, without the lines. */
export const invoiceRowSchema = invoiceViewSchema
  .pick({
    id: true,
    number: true,
    status: true,
    trigger: true,
    customer: true,
    contract: true,
    period: true,
    currency: true,
    issue_date: true,
    due_date: true,
    total: true,
    balance_due: true,
  })
  .extend({ customer_name: z.string() });
export type InvoiceRow = z.infer<typeof invoiceRowSchema>;

export const usageBatchViewSchema = z.strictObject({
  id: z.string(),
  seq: z.number().int(),
  file_name: z.string(),
  format: z.string(),
  imported_at: z.string(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  rolled_back_at: z.string().nullable(),
});
export type UsageBatchView = z.infer<typeof usageBatchViewSchema>;

export const rowErrorSchema = z.strictObject({ row: z.number().int(), reason: z.string() });

/** A file the desk may read: chosen in the main process's dialog, or uploaded by the browser. */
export const chosenFileSchema = z.strictObject({
  /** Opaque: the path stays in the main process. */
  file: z.string(),
  name: z.string(),
  size: z.number().int().min(0),
});
export type ChosenFile = z.infer<typeof chosenFileSchema>;

const importOptions = z.strictObject({
  file: z.string().min(1, 'names no chosen file'),
  /** Detected from the content when absent. */
  format: usageFormatSchema.optional(),
  /** Usage field → CSV column (`{ quantity: 'units' }`). */
  map: z.record(z.string(), z.string()).optional(),
  /** Store the valid rows even when some are rejected (otherwise nothing is stored). */
  keep_valid: z.boolean().optional(),
});

export const importResultSchema = z.strictObject({
  /** Null when nothing was stored (a strict import with rejected rows). */
  batch: z.string().nullable(),
  format: usageFormatSchema,
  detected: z.boolean(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  /** The first rejected rows; `rejected` counts them all. */
  errors: z.array(rowErrorSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const billRunResultSchema = z.strictObject({
  period: periodName,
  run_date: isoDate,
  /** Invoices and statements made; list them with `listInvoices({ period })`. */
  invoices: z.number().int(),
  drafts: z.number().int(),
  report: z.strictObject({
    unbilled: z.array(
      z.strictObject({
        external_id: z.string(),
        customer: z.string().nullable(),
        meter: z.string(),
        events: z.number().int(),
        quantity: decimalString,
        first_event: z.string(),
      }),
    ),
    over_quota: z.array(
      z.strictObject({
        customer: z.string(),
        contract: z.string(),
        period: periodName,
        meter: z.string(),
        quota: decimalString,
        usage: decimalString,
        excess: decimalString,
      }),
    ),
    already_finalized: z.array(z.strictObject({ contract: z.string(), invoice: z.string() })),
    not_finalized: z.array(z.strictObject({ invoice: z.string(), reason: z.string() })),
  }),
});
export type BillRunResult = z.infer<typeof billRunResultSchema>;

export const pdfExportResultSchema = z.strictObject({
  folder: z.string(),
  files: z.array(
    z.strictObject({
      file: z.string(),
      document: z.string(),
      /** `unchanged`: a file with these very bytes was already there. */
      outcome: z.enum(['written', 'unchanged', 'replaced']),
    }),
  ),
});
export type PdfExportResult = z.infer<typeof pdfExportResultSchema>;

export const invoiceEmailResultSchema = z.strictObject({
  /** One record per invoice emailed: sent, queued in the outbox, or failed and queued. */
  records: z.array(emailRecordSchema),
  /** Invoices not emailed at all, each with its one sentence (no address, void…). */
  refused: z.array(z.strictObject({ invoice: z.string(), reason: z.string() })),
});
export type InvoiceEmailResult = z.infer<typeof invoiceEmailResultSchema>;

export const paymentResultSchema = z.strictObject({
  payment: z.strictObject({
    id: z.string(),
    invoice: z.string(),
    amount: decimalString,
    date: isoDate,
    method: z.string(),
    reference: z.string(),
  }),
  invoice: z.strictObject({
    number: z.string(),
    status: z.string(),
    amount_paid: decimalString,
    balance_due: decimalString,
  }),
  overpayment_credit: z
    .strictObject({ id: z.string(), amount: decimalString, currency: currencyCode })
    .nullable(),
  /** The same payment was already recorded; nothing new was. */
  duplicate: z.boolean(),
});

const agingAmounts = {
  current: decimalString,
  d1_30: decimalString,
  d31_60: decimalString,
  d61_90: decimalString,
  over_90: decimalString,
  total: decimalString,
};
export const agingReportSchema = z.strictObject({
  as_of: isoDate,
  currencies: z.array(
    z.strictObject({
      currency: currencyCode,
      ...agingAmounts,
      customers: z.array(
        z.strictObject({
          customer: z.string(),
          name: z.string(),
          ...agingAmounts,
          invoices: z.array(z.string()),
        }),
      ),
    }),
  ),
});
export type AgingReportView = z.infer<typeof agingReportSchema>;

export const JOB_KINDS = ['usage_import', 'bill_run', 'pdf_export', 'invoice_email'] as const;
export const jobProgressSchema = z.strictObject({
  /** Units done and expected (bytes for an import, contracts for a bill run); total 0 = unknown. */
  done: z.number().min(0),
  total: z.number().min(0),
  /** What is being done, in a few words ("Reading usage", "Computing drafts"). */
  stage: z.string(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;

const jobBase = {
  id: z.string(),
  progress: jobProgressSchema,
};
/** A long job: running, then done with the result of its kind, or failed with one sentence. */
export const jobStatusSchema = z.union([
  z.strictObject({ ...jobBase, state: z.literal('running'), kind: z.enum(JOB_KINDS) }),
  z.strictObject({
    ...jobBase,
    state: z.literal('failed'),
    kind: z.enum(JOB_KINDS),
    error: z.string(),
  }),
  z.strictObject({
    ...jobBase,
    state: z.literal('done'),
    kind: z.literal('usage_import'),
    result: importResultSchema,
  }),
  z.strictObject({
    ...jobBase,
    state: z.literal('done'),
    kind: z.literal('bill_run'),
    result: billRunResultSchema,
  }),
  z.strictObject({
    ...jobBase,
    state: z.literal('done'),
    kind: z.literal('pdf_export'),
    result: pdfExportResultSchema,
  }),
  z.strictObject({
    ...jobBase,
    state: z.literal('done'),
    kind: z.literal('invoice_email'),
    result: invoiceEmailResultSchema,
  }),
]);
export type JobStatus = z.infer<typeof jobStatusSchema>;
export const jobStartedSchema = z.strictObject({ job: z.string() });

/** Money per currency: a book bills in several, and they never add up across. */
const byCurrency = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.array(z.strictObject({ currency: currencyCode, ...shape }));

// ---- payments and activity (app-payments): shapes

const paymentFilter = z.strictObject({
  /** Inclusive bounds on the payment date. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  customer: z.string().min(1).optional(),
  method: z.enum(RECEIPT_METHODS).optional(),
});

export const paymentRecordSchema = z.strictObject({
  payment_id: z.string(),
  date: isoDate,
  invoice: z.string(),
  customer: z.string(),
  customer_name: z.string(),
  currency: z.string(),
  amount: decimalString,
  method: z.string(),
  reference: z.string(),
});
export type PaymentRecordView = z.infer<typeof paymentRecordSchema>;

const bankImportOptions = z.strictObject({
  file: z.string().min(1, 'names no chosen file'),
  /** Bank field → CSV column (`{ date: 'Buchungstag' }`), as `--map`. */
  map: z.record(z.string(), z.string()).optional(),
  decimal_comma: z.boolean().optional(),
  encoding: z.enum(BANK_FILE_ENCODINGS).optional(),
  /** The method of rows without a method column (wire when absent). */
  method: z.enum(RECEIPT_METHODS).optional(),
});

export const bankImportResultSchema = z.strictObject({
  dry_run: z.boolean(),
  recorded: z.number().int(),
  duplicates: z.number().int(),
  unmatched: z.array(rowErrorSchema),
  payments: z.array(
    z.strictObject({
      row: z.number().int(),
      invoice: z.string(),
      customer: z.string(),
      currency: currencyCode,
      amount: decimalString,
      date: isoDate,
      method: z.string(),
      reference: z.string(),
      overpayment_credit: decimalString.nullable(),
    }),
  ),
  already_recorded: z.array(
    z.strictObject({
      row: z.number().int(),
      invoice: z.string(),
      currency: currencyCode,
      amount: decimalString,
      date: isoDate,
      reference: z.string(),
    }),
  ),
});
export type BankImportResult = z.infer<typeof bankImportResultSchema>;
/** One side of a price simulation: the invoice the period would get, before credits. */
const simulatedInvoiceSchema = z.strictObject({
  plan: z.string(),
  lines: z.array(invoiceLineSchema),
  subtotal: decimalString,
  discount: decimalString,
  tax: decimalString,
  total: decimalString,
});

export const priceSimulationSchema = z.strictObject({
  customer: z.string(),
  contract: z.string(),
  period: periodName,
  currency: currencyCode,
  current: simulatedInvoiceSchema,
  proposed: simulatedInvoiceSchema,
  rows: z.array(
    z.strictObject({
      description: z.string(),
      current: invoiceLineSchema.nullable(),
      proposed: invoiceLineSchema.nullable(),
      difference: decimalString,
    }),
  ),
  difference: decimalString,
  billed: z
    .strictObject({ invoice: z.string(), status: z.enum(INVOICE_STATUSES), total: decimalString })
    .nullable(),
});
export type PriceSimulationView = z.infer<typeof priceSimulationSchema>;

// ---- customers, contracts, credits (app-customers)

const creditBalanceGroupSchema = z.strictObject({
  customer: z.string(),
  currency: currencyCode,
  /** The sum of the usable grants' remaining amounts. */
  usable: decimalString,
  credits: z.array(creditSchema.extend({ remaining: decimalString, usable: z.boolean() })),
});
export type CreditBalanceGroup = z.infer<typeof creditBalanceGroupSchema>;

const contractChangeInput = z.strictObject({
  contract: z.string().min(1, 'names no contract'),
  /** The first day the contract no longer covers. */
  on: isoDate,
});

const previewInvoiceSchema = z.strictObject({
  contract: z.string(),
  plan: z.string(),
  trigger: z.enum(['period_end', 'usage_threshold']),
  lines: z.array(
    z.strictObject({ description: z.string(), period: periodName, amount: decimalString }),
  ),
  subtotal: decimalString,
  discount: decimalString,
  credits: decimalString,
  tax: decimalString,
  total: decimalString,
});
export type PreviewInvoice = z.infer<typeof previewInvoiceSchema>;

// ---------------------------------------------------------------- the procedures

export const contract = {
  bookOverview: procedure({
    summary:
      'The open book: settings, customers, contracts, plans and meters, and whether it is the demo.',
    input: none,
    output: z.strictObject({
      /** The demo book of business: the app shows a banner saying so. */
      demo: z.boolean(),
      /** Nothing in the book yet: the app offers the demo book or an empty start. */
      empty: z.boolean(),
      /** The desk's today (the settings' fixed date, else today UTC). */
      today: isoDate,
      settings: z.strictObject({
        seller: sellerSchema,
        invoice_number_format: z.string(),
        credit_note_number_format: z.string(),
        payment_terms_days: z.number().int(),
        /** How the app writes amounts and dates, as the documents do. */
        locale: z.string(),
        page_size: z.enum(PAGE_SIZES),
        /** Whether mail can be sent; the SMTP password never leaves the main process. */
        smtp_configured: z.boolean(),
      }),
      customers: z.array(customerSchema),
      contracts: z.array(contractSchema),
      plans: z.array(planSchema),
      meters: z.array(meterSchema),
      credits: z.array(creditSchema),
    }),
  }),
  loadDemoBook: procedure({
    summary: 'Fill an empty book with the demo book of business.',
    input: none,
    output: z.strictObject({ customers: z.number().int(), events: z.number().int() }),
  }),

  chooseUsageFile: procedure({
    summary:
      'Ask the user for a usage file in a dialog of the main process (desktop only; the browser uploads instead).',
    input: none,
    output: chosenFileSchema.nullable(),
  }),
  previewUsageFile: procedure({
    summary: "A chosen file's detected format, its columns (CSV) and its first rows as text.",
    input: z.strictObject({ file: z.string().min(1), format: usageFormatSchema.optional() }),
    output: z.strictObject({
      format: usageFormatSchema,
      detected: z.boolean(),
      /** CSV header names, in order; empty for JSON formats. */
      columns: z.array(z.string()),
      /** The first lines of the file (at most 20), for the preview. */
      lines: z.array(z.string()),
    }),
  }),
  startUsageImport: procedure({
    summary: 'Import a chosen usage file as one batch, as a job.',
    input: importOptions,
    output: jobStartedSchema,
  }),
  usageBatches: procedure({
    summary: 'The usage import batches, oldest first, rolled-back ones included.',
    input: none,
    output: z.array(usageBatchViewSchema),
  }),
  rollbackBatch: procedure({
    summary: "Take a batch's events out, unless some are on a finalized invoice.",
    input: z.strictObject({ batch: z.string().min(1) }),
    output: usageBatchViewSchema,
  }),

  startBillRun: procedure({
    summary: "Compute the period's drafts (replacing its earlier drafts), as a job.",
    input: z.strictObject({ period: periodName, as_of: isoDate.optional() }),
    output: jobStartedSchema,
  }),
  jobStatus: procedure({
    summary: "A long job's progress, then its result or its error.",
    input: z.strictObject({ job: z.string().min(1) }),
    output: jobStatusSchema,
  }),

  listInvoices: procedure({
    summary: 'One page of invoices by period then number, with the count of all that match.',
    input: z.strictObject({
      status: z.enum(INVOICE_STATUSES).optional(),
      period: periodName.optional(),
      customer: z.string().min(1).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    output: z.strictObject({
      total: z.number().int(),
      offset: z.number().int(),
      invoices: z.array(invoiceRowSchema),
    }),
  }),
  invoiceDetail: procedure({
    summary:
      'An invoice with its lines and their explanations, its credit notes, and the same contract’s previous invoice.',
    input: z.strictObject({ invoice: reference }),
    output: z.strictObject({
      invoice: invoiceViewSchema,
      customer: customerSchema,
      credit_notes: z.array(creditNoteSchema),
      /** The contract's period-end invoice of the period before, for "change against last period". */
      previous: invoiceRowSchema.nullable(),
    }),
  }),
  finalizeInvoices: procedure({
    summary: 'Finalize drafts (all or none), numbering them in the order given.',
    input: z.strictObject({
      invoices: z.array(reference).min(1, 'names no invoice'),
      as_of: isoDate.optional(),
    }),
    output: z.array(invoiceRowSchema),
  }),
  voidInvoice: procedure({
    summary: 'Void an open invoice with no payment or credit note.',
    input: z.strictObject({ invoice: reference, as_of: isoDate.optional() }),
    output: invoiceRowSchema,
  }),
  issueCreditNote: procedure({
    summary: 'Correct a finalized invoice with a credit note.',
    input: z.strictObject({
      invoice: reference,
      amount: decimalString,
      reason: z.string().trim().min(1, 'a credit note needs a reason'),
      as_of: isoDate.optional(),
    }),
    output: z.strictObject({
      credit_note: creditNoteSchema,
      invoice: invoiceRowSchema,
      credit: creditSchema.nullable(),
    }),
  }),
  grantCredit: procedure({
    summary: 'Grant a customer a credit (promotional, goodwill, prepaid…).',
    input: z.strictObject({
      customer: z.string().min(1),
      kind: z.enum(CREDIT_KINDS),
      amount: decimalString,
      currency: currencyCode.optional(),
      granted_on: isoDate.optional(),
      expires_on: isoDate.nullable().optional(),
      note: z.string().optional(),
    }),
    output: creditSchema,
  }),
  recordUptime: procedure({
    summary: "Record a contract's measured uptime for a period, and the SLA credit it earns.",
    input: z.strictObject({
      contract: z.string().min(1),
      period: periodName,
      uptime_percent: decimalString,
    }),
    output: z.strictObject({
      uptime: uptimeSchema,
      credit: creditSchema.nullable(),
      /** The figure this one replaced and the SLA credit it had earned; null for a first figure. */
      replaced: z
        .strictObject({ uptime_percent: decimalString, credit: creditSchema.nullable() })
        .nullable(),
    }),
  }),

  dashboard: procedure({
    summary:
      "The period's figures per currency, revenue by billing model, and what needs attention.",
    input: z.strictObject({ period: periodName }),
    output: z.strictObject({
      period: periodName,
      as_of: isoDate,
      /** Finalized invoices of the period (not void). */
      billed: byCurrency({ amount: decimalString }),
      /** Paid against them so far. */
      collected: byCurrency({ amount: decimalString }),
      /** Still due on them, and the part of it past due. */
      outstanding: byCurrency({ amount: decimalString }),
      overdue: byCurrency({ amount: decimalString }),
      revenue_by_model: byCurrency({ model: z.enum(BILLING_MODELS), amount: decimalString }),
      attention: z.strictObject({
        drafts: z.number().int(),
        overdue_invoices: z.number().int(),
      }),
    }),
  }),

  // The payments engineer adds here: recordPayment, listPayments, importPayments, aging.
  // The documents engineer adds here: invoicePdf, startPdfExport, sendInvoiceEmail, outbox.

  // ---- customers, contracts, credits (app-customers)
  listCustomers: procedure({
    summary:
      'One page of customers by name, matching a search on name, id or external id, with their contracts.',
    input: z.strictObject({
      search: z.string().default(''),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    output: z.strictObject({
      total: z.number().int(),
      offset: z.number().int(),
      customers: z.array(
        customerSchema.extend({
          /** The plans of the contracts active on the desk's today. */
          active_plans: z.array(z.string()),
        }),
      ),
    }),
  }),
  customerPage: procedure({
    summary:
      'A customer with their contracts, invoices, credits and balances, payments and activity.',
    input: z.strictObject({ customer: z.string().min(1, 'names no customer') }),
    output: z.strictObject({
      customer: customerSchema,
      contracts: z.array(contractSchema),
      invoices: z.array(invoiceRowSchema),
      credits: z.array(creditBalanceGroupSchema),
      payments: z.array(
        paymentSchema.extend({ invoice_number: z.string(), currency: currencyCode }),
      ),
      activity: z.array(activityEntrySchema),
    }),
  }),
  customerUsage: procedure({
    summary: "A customer's usage by meter over the last months, as the bill rates it.",
    input: z.strictObject({
      customer: z.string().min(1, 'names no customer'),
      months: z.number().int().min(1).max(24).default(6),
      through: periodName.optional(),
    }),
    output: z.strictObject({
      periods: z.array(periodName),
      meters: z.array(z.strictObject({ code: z.string(), name: z.string(), unit: z.string() })),
      usage: z.array(
        z.strictObject({ period: periodName, meter: z.string(), quantity: decimalString }),
      ),
    }),
  }),
  /* A customer or contract arrives as the bundle would hold it and is checked by the
     bundle's schemas in the service, so a refusal names the entity and the field in
     the bundle's sentence (the form shows it beside that field). */
  addCustomer: procedure({
    summary: 'Add a customer, checked as a bundle holding it would be.',
    input: z.record(z.string(), z.unknown()),
    output: customerSchema,
  }),
  editCustomer: procedure({
    summary: "Change some of a customer's fields; the id stays.",
    input: z.strictObject({
      customer: z.string().min(1, 'names no customer'),
      changes: z.record(z.string(), z.unknown()),
    }),
    output: customerSchema,
  }),
  addContract: procedure({
    summary: 'Start a contract for a customer on a plan.',
    input: z.record(z.string(), z.unknown()),
    output: contractSchema,
  }),
  previewContractChange: procedure({
    summary:
      'The effect of a plan change (plan given) or of ending a contract on the next invoice, computed without writing.',
    input: contractChangeInput.extend({ plan: z.string().min(1).optional() }),
    output: z.strictObject({
      period: periodName,
      currency: currencyCode,
      before: z.array(previewInvoiceSchema),
      after: z.array(previewInvoiceSchema),
      difference: decimalString,
    }),
  }),
  changePlan: procedure({
    summary: 'End a contract and start the next on another plan, on the same day.',
    input: contractChangeInput.extend({
      plan: z.string().min(1, 'names no plan'),
      new_id: z.string().min(1).optional(),
    }),
    output: z.strictObject({ ended: contractSchema, started: contractSchema }),
  }),
  endContract: procedure({
    summary: 'End a contract on a day (the first day it no longer covers).',
    input: contractChangeInput,
    output: contractSchema,
  }),
  creditBalances: procedure({
    summary: "Each customer's credits with what is left of them, by customer and currency.",
    input: z.strictObject({ customer: z.string().min(1).optional() }),
    output: z.array(creditBalanceGroupSchema),
  }),
  creditReach: procedure({
    summary: 'The first invoice a credit will reach: its period, and the draft when computed.',
    input: z.strictObject({ credit: z.string().min(1, 'names no credit') }),
    output: z.strictObject({ period: periodName, draft: z.string().nullable() }),
  }),

  // ---- documents and payments (app-month)
  invoicePdf: procedure({
    summary: "An invoice's PDF as the desk writes it, for the preview, the download and printing.",
    input: z.strictObject({ invoice: reference }),
    output: z.strictObject({
      file_name: z.string(),
      /** The PDF's bytes, base64: the contract carries JSON only. */
      pdf_base64: z.string(),
    }),
  }),
  startPdfExport: procedure({
    summary: 'Write PDFs of the invoices named into a folder, one file each, as a job.',
    input: z.strictObject({
      invoices: z.array(reference).min(1, 'names no invoice'),
      folder: z.string().trim().min(1, 'names no folder'),
      /** Replace files that are there with other contents (else nothing is written). */
      replace: z.boolean().optional(),
    }),
    output: jobStartedSchema,
  }),
  startInvoiceEmails: procedure({
    summary:
      'Email the invoices named to their customers (SMTP when set, else into the outbox), as a job.',
    input: z.strictObject({
      invoices: z.array(reference).min(1, 'names no invoice'),
      /** Recipients instead of the customer's addresses (one invoice only). */
      to: z.array(z.string().trim().min(1)).optional(),
      password: smtpPasswordFromTheShell,
    }),
    output: jobStartedSchema,
  }),
  invoiceEmails: procedure({
    summary: 'The email records of an invoice (sent, queued, failed), oldest first.',
    input: z.strictObject({ invoice: reference }),
    output: z.array(emailRecordSchema),
  }),
  recordPayment: procedure({
    summary: 'Record a payment received against a finalized invoice.',
    input: z.strictObject({
      invoice: reference,
      amount: decimalString,
      method: z.enum(RECEIPT_METHODS),
      date: isoDate,
      reference: z.string().optional(),
    }),
    output: paymentResultSchema,
  }),
  aging: procedure({
    summary:
      'What customers owe by how late it is, per currency and customer, as of a date (the desk’s today when absent).',
    input: z.strictObject({ as_of: isoDate.optional() }),
    output: agingReportSchema,
  }),

  // ---- payments and activity (app-payments)
  listPayments: procedure({
    summary: 'The payments recorded, newest first, with their invoice’s customer and currency.',
    input: paymentFilter,
    output: z.strictObject({ payments: z.array(paymentRecordSchema) }),
  }),
  previewPaymentImport: procedure({
    summary:
      'How each row of a bank or processor file would be matched, recording nothing (a dry run of importPayments).',
    input: bankImportOptions,
    output: bankImportResultSchema,
  }),
  importPayments: procedure({
    summary: 'Record the matched rows of a bank or processor file, in one change.',
    input: bankImportOptions,
    output: bankImportResultSchema,
  }),
  bankFileColumns: procedure({
    summary:
      "A bank or processor file's column names, read in its encoding as importPayments reads them.",
    input: bankImportOptions.pick({ file: true, encoding: true }),
    output: z.strictObject({ columns: z.array(z.string()) }),
  }),
  exportPayments: procedure({
    summary: 'The payment records as the CSV export-payments writes, for the browser to save.',
    input: paymentFilter,
    output: z.strictObject({
      file_name: z.string(),
      csv: z.string(),
      payments: z.number().int(),
    }),
  }),
  listActivity: procedure({
    summary: 'Every change to the book, newest first, optionally of one customer or invoice.',
    input: z.strictObject({
      customer: z.string().min(1).optional(),
      invoice: z.string().min(1).optional(),
    }),
    output: z.strictObject({ entries: z.array(activityEntrySchema) }),
  }),

  // ---- plans (app-plans)
  addPlan: procedure({
    summary: 'Add a plan to the catalog; its code must be new.',
    input: z.strictObject({ plan: planSchema }),
    output: planSchema,
  }),
  editPlan: procedure({
    summary:
      "Replace a plan's terms (not its code); refused when the book's history forbids the change.",
    input: z.strictObject({ code: z.string().min(1), plan: planSchema }),
    output: planSchema,
  }),
  simulatePrice: procedure({
    summary:
      "Re-rate a contract's real usage of a period under a plan or a draft of it, beside its own plan, line by line; writes nothing.",
    input: z.strictObject({
      customer: z.string().min(1),
      contract: z.string().min(1).nullable().optional(),
      /** Omitted: the last closed period before the desk's today. */
      period: periodName.nullable().optional(),
      plan: planSchema,
    }),
    output: priceSimulationSchema,
  }),

  // ---- settings, statement (app-settings)
  settings: procedure({
    summary: 'The settings, the data folder and where the SMTP password is kept',
    input: none,
    output: z.strictObject({
      settings: settingsSchema,
      data_folder: z.string(),
      smtp_password: smtpPasswordStatusSchema,
    }),
  }),
  updateSettings: procedure({
    summary: 'Change settings (merged as a bundle merges them), checked as load checks them',
    input: z.strictObject({ patch: z.record(z.string(), z.unknown()) }),
    output: settingsSchema,
  }),
  smtpPasswordStatus: procedure({
    summary: 'Whether an SMTP password is kept, and where (keychain or environment)',
    input: none,
    output: smtpPasswordStatusSchema,
  }),
  setSmtpPassword: procedure({
    summary: 'Keep the SMTP password in the OS keychain (desktop only); empty forgets it',
    input: z.strictObject({ password: z.string().max(1000) }),
    output: smtpPasswordStatusSchema,
  }),
  sendTestEmail: procedure({
    summary: 'Send a short message through the SMTP settings',
    input: z.strictObject({
      to: z.string().min(1, 'names no address'),
      password: smtpPasswordFromTheShell,
    }),
    output: z.strictObject({ to: z.string(), message_id: z.string() }),
  }),
  listBackups: procedure({
    summary: 'The backups of the data folder, newest first',
    input: none,
    output: z.array(backupSchema),
  }),
  backUpNow: procedure({
    summary: 'Back the book up now (reason "manual")',
    input: none,
    output: backupSchema,
  }),
  restoreBackup: procedure({
    summary: 'Bring back a backup, after backing up the current state',
    input: z.strictObject({ name: z.string().min(1, 'names no backup') }),
    output: z.strictObject({ restored: z.string(), saved_before: backupSchema }),
  }),
  customerStatement: procedure({
    summary: "A customer's account statement for a date range, with its PDF",
    input: z.strictObject({ customer: z.string().min(1), from: isoDate, to: isoDate }),
    output: z.strictObject({
      customer: z.string(),
      from: isoDate,
      to: isoDate,
      currencies: z.array(
        z.strictObject({
          currency: currencyCode,
          opening_balance: decimalString,
          invoiced: decimalString,
          paid: decimalString,
          credited: decimalString,
          voided: decimalString,
          closing_balance: decimalString,
          entries: z.number().int(),
        }),
      ),
      file_name: z.string(),
      /** The PDF's bytes, base64: binary crosses IPC and HTTP as JSON text. */
      pdf_base64: z.string(),
    }),
  }),

  // ---- reminders (remind)
  previewReminders: procedure({
    summary:
      'Which overdue invoices a reminder run would email and which it would skip, and why; sends nothing.',
    // Every overdue invoice, or only the ones named (each must be overdue), on as_of or today.
    input: z.strictObject({ invoices: z.array(reference).optional(), as_of: isoDate.optional() }),
    output: reminderPlanSchema,
  }),
  sendReminders: procedure({
    summary:
      'Email a payment reminder of each overdue invoice (or the ones named) due one, as invoice emails are sent.',
    input: z.strictObject({
      invoices: z.array(reference).optional(),
      as_of: isoDate.optional(),
      password: smtpPasswordFromTheShell,
    }),
    output: remindersResultSchema,
  }),
} satisfies Record<ProcedureName, ProcedureSpec<z.ZodType, z.ZodType>>;

export type Contract = typeof contract;

/** What a caller sends: defaults (offset, limit…) may be left out. */
export type ProcedureInput<Name extends ProcedureName> = z.input<Contract[Name]['input']>;
/** What a handler receives: validated, defaults filled in. */
export type ProcedureArgs<Name extends ProcedureName> = z.output<Contract[Name]['input']>;
export type ProcedureOutput<Name extends ProcedureName> = z.output<Contract[Name]['output']>;

/** The API as the renderer sees it: one async function per procedure. */
export type Api = {
  [Name in ProcedureName]: (input: ProcedureInput<Name>) => Promise<ProcedureOutput<Name>>;
};

// ---------------------------------------------------------------- errors

/**
 * Why a call failed. `refused`: the desk refused the request (a user mistake, in one
 * sentence); `bad_request`: the payload does not match the contract; `not_found`: no
 * such procedure; `unauthorized`: the caller is not the app; `internal`: a bug.
 */
export const API_ERROR_CODES = [
  'refused',
  'bad_request',
  'not_found',
  'unauthorized',
  'internal',
] as const;
export const apiErrorSchema = z.strictObject({
  code: z.enum(API_ERROR_CODES),
  message: z.string(),
  /** Further lines (for example every rejected row), shown under the sentence. */
  details: z.array(z.string()).default([]),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** Every door answers with this envelope, so errors cross IPC and HTTP alike. */
export type Outcome<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export type { InvoiceStatus };

/** What the preload gives the window: one named function per procedure, and nothing else. */
export interface DesktopBridge {
  api: { [Name in ProcedureName]: (input: unknown) => Promise<Outcome> };
}

/** The header that carries the browser mode's per-run token. */
export const TOKEN_HEADER = 'x-nexus-token';
/** The header that names an uploaded file (URI-encoded) in the browser mode. */
export const FILE_NAME_HEADER = 'x-file-name';
