import type { Command } from '../command';
import { dumpCommand } from './dump';
import { initCommand } from './init';
import { loadCommand } from './load';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [initCommand, loadCommand, dumpCommand];
