/**
 * `--wait SECONDS`, common to every command that opens the store: how long a command
 * that finds the data folder held by another program waits for it, saying on stderr
 * for whom it waits, before it gives up.
 */
import { describeHolder, type LockOptions } from '../store/lock';
import { UsageError, type CliIO, type OptionSpec } from './command';

export const DEFAULT_WAIT_SECONDS = 30;
/** A day: a scripted run may queue behind a long import, not behind a forgotten window forever. */
const MAX_WAIT_SECONDS = 86_400;

export const WAIT_OPTION: OptionSpec = {
  type: 'string',
  value: 'SECONDS',
  description: `wait up to SECONDS for a store another program has open (default: ${DEFAULT_WAIT_SECONDS})`,
};

/** The lock options of the command `commandName`, from the value of `--wait`. */
export function storeLockOptions(
  wait: unknown,
  commandName: string,
  dataDir: string,
  io: CliIO,
): LockOptions {
  const waitSeconds = typeof wait === 'string' ? parseSeconds(wait) : DEFAULT_WAIT_SECONDS;
  return {
    waitSeconds,
    command: `nexus-billing ${commandName}`,
    onWait: (holder) =>
      io.stderr(
        `Waiting up to ${waitSeconds} s for ${dataDir}, in use by ${describeHolder(holder)}…\n`,
      ),
  };
}

function parseSeconds(text: string): number {
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(seconds <= MAX_WAIT_SECONDS)) {
    throw new UsageError(
      `--wait takes a number of seconds from 0 to ${MAX_WAIT_SECONDS}, such as 30, not '${text}'.`,
    );
  }
  return seconds;
}
