/**
 * The names of the contract's procedures, apart from their schemas: the preload
 * needs the names only, and a sandboxed preload cannot load zod. contract.ts must
 * define exactly these (the compiler checks both ways).
 */
export const PROCEDURE_NAMES = [
  'bookOverview',
  'loadDemoBook',
  'chooseUsageFile',
  'previewUsageFile',
  'startUsageImport',
  'usageBatches',
  'rollbackBatch',
  'startBillRun',
  'jobStatus',
  'listInvoices',
  'invoiceDetail',
  'finalizeInvoices',
  'voidInvoice',
  'issueCreditNote',
  'grantCredit',
  'recordUptime',
  'dashboard',
  // The payments engineer adds here: recordPayment, listPayments, importPayments, aging.
  // The documents engineer adds here: invoicePdf, startPdfExport, sendInvoiceEmail, outbox.
  // ---- customers, contracts, credits (app-customers)
  'listCustomers',
  'customerPage',
  'customerUsage',
  'addCustomer',
  'editCustomer',
  'addContract',
  'previewContractChange',
  'changePlan',
  'endContract',
  'creditBalances',
  'creditReach',
  // ---- documents and payments (app-month)
  'invoicePdf',
  'startPdfExport',
  'startInvoiceEmails',
  'invoiceEmails',
  'recordPayment',
  'aging',
  // ---- payments and activity (app-payments)
  'listPayments',
  'previewPaymentImport',
  'importPayments',
  'bankFileColumns',
  'exportPayments',
  'listActivity',
  // ---- plans (app-plans)
  'addPlan',
  'editPlan',
  'simulatePrice',

  // ---- settings, statement (app-settings)
  'settings',
  'updateSettings',
  'smtpPasswordStatus',
  'setSmtpPassword',
  'sendTestEmail',
  'listBackups',
  'backUpNow',
  'restoreBackup',
  'customerStatement',

  // ---- reminders (remind)
  'previewReminders',
  'sendReminders',
] as const;

export type ProcedureName = (typeof PROCEDURE_NAMES)[number];

/** The Electron IPC channel of a procedure: one per procedure, so no channel takes a name. */
export function ipcChannel(name: ProcedureName): string {
  return `api:${name}`;
}
