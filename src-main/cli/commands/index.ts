import type { Command } from '../command';
import { billCommand } from './bill';
import { creditNoteCommand } from './credit-note';
import { demoCommand } from './demo';
import { dumpCommand } from './dump';
import { finalizeCommand } from './finalize';
import { grantCreditCommand } from './grant-credit';
import { initCommand } from './init';
import { invoicesCommand } from './invoices';
import { loadCommand } from './load';
import { uptimeCommand } from './uptime';
import { voidCommand } from './void';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  initCommand,
  loadCommand,
  dumpCommand,
  billCommand,
  invoicesCommand,
  finalizeCommand,
  voidCommand,
  creditNoteCommand,
  grantCreditCommand,
  uptimeCommand,
  demoCommand,
];
