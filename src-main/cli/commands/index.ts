import type { Command } from '../command';
import { agingCommand } from './aging';
import { activityCommand } from './activity';
import { backupsCommand } from './backups';
import { billCommand } from './bill';
import { contractsCommand } from './contracts';
import { creditNoteCommand } from './credit-note';
import { creditsCommand } from './credits';
import { customersCommand } from './customers';
import { demoCommand } from './demo';
import { dumpCommand } from './dump';
import { emailCommand } from './email';
import { exportPdfCommand } from './export-pdf';
import { exportPaymentsCommand } from './export-payments';
import { finalizeCommand } from './finalize';
import { grantCreditCommand } from './grant-credit';
import { importPaymentsCommand } from './import-payments';
import { importUsageCommand } from './import-usage';
import { initCommand } from './init';
import { invoicesCommand } from './invoices';
import { loadCommand } from './load';
import { marketplaceExportCommand } from './marketplace-export';
import { payCommand } from './pay';
import { plansCommand } from './plans';
import { restoreCommand } from './restore';
import { rollbackBatchCommand } from './rollback-batch';
import { serveCommand } from './serve';
import { showCommand } from './show';
import { statementCommand } from './statement';
import { settingsCommand } from './settings';
import { uptimeCommand } from './uptime';
import { usageBatchesCommand } from './usage-batches';
import { voidCommand } from './void';
// ---- reminders (remind)
import { remindCommand } from './remind';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  initCommand,
  loadCommand,
  dumpCommand,
  customersCommand,
  plansCommand,
  contractsCommand,
  creditsCommand,
  importUsageCommand,
  usageBatchesCommand,
  rollbackBatchCommand,
  billCommand,
  invoicesCommand,
  showCommand,
  exportPdfCommand,
  emailCommand,
  finalizeCommand,
  voidCommand,
  creditNoteCommand,
  grantCreditCommand,
  payCommand,
  importPaymentsCommand,
  exportPaymentsCommand,
  agingCommand,
  marketplaceExportCommand,
  uptimeCommand,
  activityCommand,
  backupsCommand,
  restoreCommand,
  demoCommand,
  serveCommand,
  // ---- settings, statement (app-settings)
  statementCommand,
  settingsCommand,
  // ---- reminders (remind)
  remindCommand,
];
