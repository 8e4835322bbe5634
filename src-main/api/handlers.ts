/**
 * The contract's procedures, implemented over the services: one small function each,
 * no billing logic here. Payloads arrive validated (see dispatch.ts); what a handler
 * returns is checked against the contract on the way out.
 */
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isEmptyBook } from '../bundle/validate';
import { loadBundle } from '../bundle/load';
import { demoBundle } from '../demo/book';
import { UserError } from '../domain/errors';
import { billPeriod } from '../services/billRun';
import { issueCreditNote } from '../services/creditNotes';
import { creditBalances, creditReach, grantCredit, showCredit } from '../services/credits';
import { addEntity, editEntity } from '../services/catalog';
import { changePlan, endContract } from '../services/contracts';
import { previewContractChange } from '../services/contractPreview';
import { customerList } from '../services/customerList';
import { customerPage } from '../services/customerPage';
import { customerUsage } from '../services/customerUsage';
import { listActivity, type ChangeOrigin } from '../services/activity';
import { paymentRecords, paymentsCsv } from '../services/exportPayments';
import { bankFileColumns, importPayments } from '../services/importPayments';
import { dashboard } from '../services/dashboard';
import { receivablesAging } from '../services/aging';
import { selectDocuments, showInvoice } from '../services/documents';
import { emailInvoice } from '../services/email';
import { resolveRunDate } from '../services/runDate';
import { documentPdf, exportPdfs } from '../services/exportPdf';
import { recordPayment } from '../services/payments';
import { finalizeInvoices } from '../services/finalize';
import { importUsage } from '../services/importUsage';
import { listBatches, rollbackBatch } from '../services/usageBatches';
import { invoiceDetail, invoicePage, invoiceRows } from '../services/invoicePages';
import { bookOverview } from '../services/overview';
import { recordUptime } from '../services/uptime';
import { voidInvoice } from '../services/voidInvoice';
import { simulatePrice } from '../services/priceSimulation';
import {
  backUpNow,
  backups,
  currentSettings,
  restoreBackup,
  sendTestEmail,
  updateSettings,
} from '../services/settings';
import { statementPdf } from '../services/statement';
// ---- reminders (remind)
import { previewReminders, sendReminders } from '../services/reminders';
import { EnvironmentSecrets, secretStatus, type SecretStore } from '../secrets/secret-store';
import type { UsageBatch } from '../store/data';
import type { Store } from '../store/store';
import { detectDelimiter } from '../usage/formats/csv';
import { sniff } from '../usage/formats';
import { createPeriodUsageReader } from '../usage/reader';
import Papa from 'papaparse';
import type { InvoiceEmailResult, ProcedureArgs, ProcedureName, ProcedureOutput } from './contract';
import type { ChosenFiles } from './files';
import type { JobRegistry } from './jobs';

export type Handlers = {
  [Name in ProcedureName]: (
    args: ProcedureArgs<Name>,
  ) => Promise<ProcedureOutput<Name>> | ProcedureOutput<Name>;
};

export interface HandlerDeps {
  store: Store;
  files: ChosenFiles;
  jobs: JobRegistry;
  /** Where the SMTP password is kept; the environment unless the desktop shell says otherwise. */
  secrets?: SecretStore;
}

/** Every change made through these handlers is logged as made in the app. */
const FROM_THE_APP: ChangeOrigin = { door: 'app' };

const PREVIEW_LINES = 20;
const PREVIEW_BYTES = 64 * 1024;

const batchView = ({ segments: _segments, index: _index, sha256: _sha256, ...view }: UsageBatch) =>
  view;

export function createHandlers({
  store,
  files,
  jobs,
  secrets = new EnvironmentSecrets(),
}: HandlerDeps): Handlers {
  return {
    bookOverview: () => bookOverview(store),

    loadDemoBook: async () => {
      if (!isEmptyBook(store.read())) {
        throw new UserError(
          'The demo book can only be loaded into an empty book; this one holds data.',
        );
      }
      const summary = await loadBundle(store, demoBundle(), 'The demo book');
      return { customers: summary.customers, events: summary.usage.accepted };
    },

    chooseUsageFile: () => {
      throw new UserError('Files are chosen in the desktop window; in a browser, upload the file.');
    },

    previewUsageFile: async ({ file, format }) => {
      const path = files.path(file);
      const sniffed = await sniff(path, format);
      const lines = await firstLines(path);
      const columns =
        sniffed.format === 'csv'
          ? (Papa.parse<string[]>(sniffed.firstLine, {
              delimiter: detectDelimiter(sniffed.firstLine),
            }).data[0] ?? [])
          : [];
      return { format: sniffed.format, detected: format === undefined, columns, lines };
    },

    startUsageImport: ({ file, format, map, keep_valid }) => {
      const path = files.path(file);
      const job = jobs.start('usage_import', 'Reading the file', async (report) => {
        const result = await importUsage(store, path, {
          format,
          map,
          keepValid: keep_valid,
          ...FROM_THE_APP,
          onProgress: ({ bytesRead, totalBytes }) =>
            report({ stage: 'Reading the file', done: bytesRead, total: totalBytes }),
        });
        return {
          batch: result.batch,
          format: result.format,
          detected: result.detected,
          accepted: result.accepted,
          duplicates: result.duplicates,
          rejected: result.rejected,
          errors: result.errors,
        };
      });
      return { job };
    },

    usageBatches: () => listBatches(store).map(batchView),
    rollbackBatch: async ({ batch }) => batchView(await rollbackBatch(store, batch, FROM_THE_APP)),

    startBillRun: ({ period, as_of }) => {
      const job = jobs.start('bill_run', 'Reading usage', async (report) => {
        const result = await billPeriod(store, createPeriodUsageReader(store), {
          period,
          asOf: as_of,
          ...FROM_THE_APP,
          onProgress: report,
        });
        return {
          period: result.period,
          run_date: result.run_date,
          invoices: result.invoices.length,
          drafts: result.invoices.filter((invoice) => invoice.status === 'draft').length,
          report: result.report,
        };
      });
      return { job };
    },
    jobStatus: ({ job }) => jobs.status(job),

    listInvoices: (filter) => invoicePage(store, filter),
    invoiceDetail: ({ invoice }) => invoiceDetail(store, invoice),
    finalizeInvoices: async ({ invoices, as_of }) => {
      const views = await finalizeInvoices(store, invoices, { asOf: as_of, ...FROM_THE_APP });
      return views.map(invoiceRows(store.read()));
    },
    voidInvoice: async ({ invoice, as_of }) =>
      invoiceRows(store.read())(
        await voidInvoice(store, invoice, { asOf: as_of, ...FROM_THE_APP }),
      ),
    issueCreditNote: async ({ invoice, amount, reason, as_of }) => {
      const result = await issueCreditNote(store, {
        invoice,
        amount,
        reason,
        asOf: as_of,
        ...FROM_THE_APP,
      });
      return { ...result, invoice: invoiceRows(store.read())(result.invoice) };
    },
    grantCredit: (input) => grantCredit(store, { ...input, ...FROM_THE_APP }),
    recordUptime: (input) => recordUptime(store, input, FROM_THE_APP),

    dashboard: ({ period }) => dashboard(store, period),

    // ---- customers, contracts, credits (app-customers)
    listCustomers: (request) => customerList(store, request),
    customerPage: ({ customer }) => customerPage(store, customer),
    customerUsage: (request) => customerUsage(store, createPeriodUsageReader(store), request),
    addCustomer: (input) => addEntity(store, 'customers', input, FROM_THE_APP),
    editCustomer: ({ customer, changes }) =>
      editEntity(store, 'customers', customer, changes, FROM_THE_APP),
    addContract: (input) => addEntity(store, 'contracts', input, FROM_THE_APP),
    previewContractChange: (request) =>
      previewContractChange(store, createPeriodUsageReader(store), request),
    changePlan: ({ new_id, ...change }) =>
      changePlan(store, { ...change, newId: new_id, ...FROM_THE_APP }),
    endContract: (change) => endContract(store, { ...change, ...FROM_THE_APP }),
    creditBalances: (filter) => creditBalances(store, filter),
    creditReach: ({ credit }) => creditReach(store, showCredit(store, credit)),

    // ---- documents and payments (app-month)
    invoicePdf: async ({ invoice }) => {
      const data = store.read();
      const [named] = selectDocuments(data, { invoices: [invoice] });
      const pdf = await documentPdf(named!.document, data.settings);
      return {
        file_name: named!.fileName,
        pdf_base64: Buffer.from(pdf.bytes).toString('base64'),
      };
    },
    startPdfExport: ({ invoices, folder, replace }) => {
      const job = jobs.start('pdf_export', 'Writing the PDFs', async (report) => {
        const { files } = await exportPdfs(store, {
          invoices,
          outDir: folder,
          replace,
          onProgress: (done, total) => report({ stage: 'Writing the PDFs', done, total }),
        });
        return {
          folder: resolve(folder),
          files: files.map(({ file, document, outcome }) => ({ file, document, outcome })),
        };
      });
      return { job };
    },
    startInvoiceEmails: ({ invoices, to, password: shellPassword }) => {
      const job = jobs.start('invoice_email', 'Sending', async (report) => {
        const result: InvoiceEmailResult = { records: [], refused: [] };
        const password = shellPassword ?? (await secrets.smtpPassword());
        for (const [index, invoice] of invoices.entries()) {
          try {
            result.records.push(
              await emailInvoice(store, {
                invoice,
                to,
                password,
                ...FROM_THE_APP,
              }),
            );
          } catch (error) {
            if (!(error instanceof UserError)) throw error;
            result.refused.push({ invoice, reason: error.message });
          }
          report({ stage: 'Sending', done: index + 1, total: invoices.length });
        }
        return result;
      });
      return { job };
    },
    invoiceEmails: ({ invoice }) => showInvoice(store, invoice).email_records,
    recordPayment: (input) => recordPayment(store, { ...input, ...FROM_THE_APP }),
    aging: ({ as_of }) => receivablesAging(store, as_of ?? resolveRunDate(store.read().settings)),

    // ---- payments and activity (app-payments)
    listPayments: (filter) => ({ payments: paymentRecords(store, filter).reverse() }),
    previewPaymentImport: (options) => importBankFile(store, files, options, true),
    importPayments: (options) => importBankFile(store, files, options, false),
    bankFileColumns: async ({ file, encoding }) => ({
      columns: await bankFileColumns(files.path(file), encoding),
    }),
    exportPayments: (filter) => {
      const records = paymentRecords(store, filter);
      const span = [filter.from ?? 'first', filter.to ?? resolveRunDate(store.read().settings)];
      return {
        file_name: `payments-${span.join('-to-')}.csv`,
        csv: paymentsCsv(records),
        payments: records.length,
      };
    },
    listActivity: (filter) => ({ entries: listActivity(store, filter).reverse() }),
    // ---- plans (app-plans)
    addPlan: ({ plan }) => addEntity(store, 'plans', plan, FROM_THE_APP),
    editPlan: ({ code, plan }) => editEntity(store, 'plans', code, plan, FROM_THE_APP),
    simulatePrice: (request) => simulatePrice(store, createPeriodUsageReader(store), request),

    // ---- settings, statement (app-settings)
    settings: async () => ({
      settings: currentSettings(store),
      data_folder: store.dir,
      smtp_password: await secretStatus(secrets),
    }),
    updateSettings: ({ patch }) => updateSettings(store, patch, FROM_THE_APP),
    smtpPasswordStatus: () => secretStatus(secrets),
    setSmtpPassword: async ({ password }) => {
      await secrets.setSmtpPassword(password);
      return secretStatus(secrets);
    },
    sendTestEmail: async ({ to, password }) =>
      sendTestEmail(store, to, password ?? (await secrets.smtpPassword())),
    listBackups: () => backups(store),
    backUpNow: () => backUpNow(store),
    restoreBackup: ({ name }) => restoreBackup(store, name, FROM_THE_APP),
    customerStatement: async (request) => {
      const { statement, file_name, bytes } = await statementPdf(store, request);
      return {
        ...statement,
        currencies: statement.currencies.map(({ entries, ...section }) => ({
          ...section,
          entries: entries.length,
        })),
        file_name,
        pdf_base64: Buffer.from(bytes).toString('base64'),
      };
    },

    // ---- reminders (remind)
    previewReminders: ({ invoices, as_of }) => previewReminders(store, { invoices, asOf: as_of }),
    sendReminders: async ({ invoices, as_of, password }) =>
      sendReminders(store, {
        invoices,
        asOf: as_of,
        password: password ?? (await secrets.smtpPassword()),
        ...FROM_THE_APP,
      }),
  };
}

/** A chosen bank file, previewed (a dry run: nothing recorded) or imported. */
function importBankFile(
  store: Store,
  files: ChosenFiles,
  options: ProcedureArgs<'importPayments'>,
  dryRun: boolean,
) {
  return importPayments(store, files.path(options.file), {
    map: options.map,
    decimalComma: options.decimal_comma,
    encoding: options.encoding,
    method: options.method,
    dryRun,
    ...FROM_THE_APP,
  });
}

/** The first lines of a file, for the import wizard's preview. */
async function firstLines(path: string): Promise<string[]> {
  const handle = await open(path);
  try {
    const buffer = Buffer.alloc(PREVIEW_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, PREVIEW_BYTES, 0);
    const lines = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .split(/\r?\n/);
    // The last line of a partial read may be cut short.
    if (bytesRead === PREVIEW_BYTES) lines.pop();
    return lines.filter((line) => line.trim() !== '').slice(0, PREVIEW_LINES);
  } finally {
    await handle.close();
  }
}
