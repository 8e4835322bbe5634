/**
 * How a CLI command is declared. Each command lives in its own file under
 * `commands/`, declares its options and arguments here (so `--help` and parsing are
 * generated from one description), and calls the services: no billing logic here.
 */
import type { Store } from '../store/store';
import { terminalSafeLines } from './terminal-text';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal: progress is shown only then. */
  readonly isTTY: boolean;
  /** The folder relative paths are resolved against. */
  readonly cwd: string;
  /** The environment (`NEXUS_BILLING_DATA`); the process's when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  /** Placeholder shown in help (`--period YYYY-MM`). */
  value?: string;
  /** The option may be given several times (`--map a=b --map c=d`). */
  multiple?: boolean;
  short?: string;
}

export interface ArgumentSpec {
  name: string;
  required: boolean;
  /** Takes every remaining argument (`finalize ID…`). */
  variadic?: boolean;
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CommandContext {
  io: CliIO;
  /** `--json`: print exactly one JSON document on stdout and nothing else. */
  json: boolean;
  /** The data folder (`--data`, else the desktop app's folder). */
  dataDir: string;
  /** Opens the store of the data folder once; the runner closes it after the command. */
  store(): Promise<Store>;
  /** A progress line on stderr, only when it is a terminal; replaces the previous one. */
  progress(text: string): void;
  /** Resolves a path the user typed against the working folder. */
  resolvePath(path: string): string;
}

export interface Command {
  name: string;
  summary: string;
  options: Record<string, OptionSpec>;
  args: ArgumentSpec[];
  /** The command sets up a new store, so its data folder need not exist yet (`init`). */
  createsDataFolder?: boolean;
  /**
   * The command only reads the book: its store is opened read-only, so it writes
   * nothing in the data folder (and works on a full disk or a read-only copy).
   */
  readOnly?: boolean;
  /** Returns the exit code; nothing means 0. */
  run(ctx: CommandContext, options: OptionValues, args: string[]): Promise<number | void>;
}

/** A mistake in how the command was called (exit code 2), as opposed to bad data (exit 1). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function defineCommand(command: Command): Command {
  return command;
}

/** The value of a string option, or undefined. */
export function stringOption(options: OptionValues, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

/** The value of a string option that must be present. */
export function requiredOption(options: OptionValues, name: string): string {
  const value = stringOption(options, name);
  if (value === undefined) throw new UsageError(`--${name} is required.`);
  return value;
}

/** Every value of a repeatable option, in order. */
export function listOption(options: OptionValues, name: string): string[] {
  const value = options[name];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

/**
 * Writes the command's result: JSON when --json, else the human-readable text, whose
 * control characters (from names and ids in the store) are escaped but its own lines.
 */
export function printResult(ctx: CommandContext, json: unknown, text: () => string): void {
  ctx.io.stdout(ctx.json ? `${JSON.stringify(json, null, 2)}\n` : terminalSafeLines(text()));
}
