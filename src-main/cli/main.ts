/**
 * The `nexus-billing` command line: the desktop app's headless twin over the same
 * store and services (docs/cli.md). `runCli` is a function of its
 * arguments and IO so tests run it in-process; `bin.ts` is the executable entry.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../domain/errors';
import { describeFileError, fileErrorSentence } from '../files/file-errors';
import { defaultDataDir } from '../store/paths';
import { openStore, type Store } from '../store/store';
import {
  UsageError,
  type CliIO,
  type Command,
  type CommandContext,
  type OptionSpec,
  type OptionValues,
} from './command';
import { COMMANDS } from './commands';
import { storeLockOptions, WAIT_OPTION } from './store-lock';
import { terminalSafe, terminalSafeLines } from './terminal-text';

/** The environment variable naming the data folder when `--data` does not. */
export const DATA_ENV = 'NEXUS_BILLING_DATA';

/**
 * Options every command takes, before its name (as with git) or after it. Adding one
 * is one entry here; the runner reads it from the merged values.
 */
export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  data: {
    type: 'string',
    value: 'DIR',
    description: `the store's folder (default: $${DATA_ENV}, else the desktop app's)`,
  },
  json: { type: 'boolean', description: 'print exactly one JSON document on stdout' },
  help: { type: 'boolean', short: 'h', description: 'show help' },
  wait: WAIT_OPTION,
};

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let line: CommandLine;
  try {
    line = splitCommandLine(argv);
  } catch (error) {
    return reportError(error, null, io);
  }
  const { leading, name, rest } = line;
  if (name === undefined || name === 'help') {
    io.stdout(generalHelp());
    return name === undefined && leading.help !== true ? 2 : 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(
      `Unknown command '${terminalSafe(name)}'. Run 'nexus-billing --help' for the list.\n`,
    );
    return 2;
  }

  let store: Store | undefined;
  try {
    const parsed = parseOptions(command.name, { ...COMMON_OPTIONS, ...command.options }, rest);
    // Given after the name, an option overrides the same option given before it.
    const values: OptionValues = { ...leading, ...parsed.values };
    if (values.help === true) {
      io.stdout(commandHelp(command));
      return 0;
    }
    checkArguments(command, parsed.positionals);
    const data = dataFolder(values, io);
    const lock = storeLockOptions(values.wait, command.name, data.path, commandIO(io));
    const ctx: CommandContext = {
      io: commandIO(io),
      json: values.json === true,
      dataDir: data.path,
      store: async () => {
        if (store === undefined) {
          await checkDataFolder(data, command);
          store = await openStore(data.path, { lock, readOnly: command.readOnly === true });
        }
        return store;
      },
      progress: (text) => {
        if (io.isTTY) io.stderr(`\r\x1b[2K${terminalSafe(text)}`);
      },
      resolvePath: (path) => resolve(io.cwd, path),
    };
    return (await command.run(ctx, values, parsed.positionals)) ?? 0;
  } catch (error) {
    return reportError(error, command, io);
  } finally {
    await store?.close();
  }
}

/**
 * The IO a command gets: what it writes to stderr is always text for a person, so
 * control characters from the data in it are escaped here, once for every command.
 * Stdout carries JSON and bundles too, escaped by JSON itself; `printResult` escapes
 * its text.
 */
function commandIO(io: CliIO): CliIO {
  return {
    stdout: (text) => io.stdout(text),
    stderr: (text) => io.stderr(terminalSafeLines(text)),
    isTTY: io.isTTY,
    cwd: io.cwd,
    ...(io.env === undefined ? {} : { env: io.env }),
  };
}

interface CommandLine {
  /** The common options given before the command's name. */
  leading: OptionValues;
  name: string | undefined;
  rest: string[];
}

/** Splits `[common options] COMMAND [arguments]`; only common options may come first. */
function splitCommandLine(argv: readonly string[]): CommandLine {
  let index = 0;
  while (index < argv.length) {
    const token = argv[index] as string;
    if (!token.startsWith('-') || token === '-') break;
    const spec = commonOptionOf(token);
    if (spec === undefined) {
      throw new UsageError(
        `'${token}' cannot stand before the command's name; only ${Object.keys(COMMON_OPTIONS)
          .map((option) => `--${option}`)
          .join(', ')} can.`,
      );
    }
    index += spec.type === 'string' && !token.includes('=') ? 2 : 1;
  }
  const leading = parseOptions(null, COMMON_OPTIONS, argv.slice(0, index));
  return { leading: leading.values, name: argv[index], rest: argv.slice(index + 1) };
}

function commonOptionOf(token: string): OptionSpec | undefined {
  if (token.startsWith('--')) return COMMON_OPTIONS[token.slice(2).split('=')[0] ?? ''];
  return Object.values(COMMON_OPTIONS).find((spec) => spec.short === token.slice(1));
}

function parseOptions(
  commandName: string | null,
  options: Record<string, OptionSpec>,
  args: readonly string[],
): { values: OptionValues; positionals: string[] } {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: commandName !== null,
      strict: true,
      options: Object.fromEntries(
        Object.entries(options).map(([name, spec]) => [
          name,
          {
            type: spec.type,
            multiple: spec.multiple ?? false,
            ...(spec.short ? { short: spec.short } : {}),
          },
        ]),
      ),
    });
  } catch (error) {
    // parseArgs' messages name the option; the hint after them is ours.
    const first = (error as Error).message.split('\n')[0] ?? 'Invalid arguments';
    throw new UsageError(first.endsWith('.') ? first : `${first}.`);
  }
}

interface DataFolder {
  path: string;
  /** How the user named it, for the messages: `--data`, the variable, or neither. */
  namedBy: '--data' | typeof DATA_ENV | null;
}

function dataFolder(values: OptionValues, io: CliIO): DataFolder {
  if (typeof values.data === 'string') {
    if (values.data === '') throw new UsageError('--data names no folder.');
    return { path: resolve(io.cwd, values.data), namedBy: '--data' };
  }
  const fromEnv = (io.env ?? process.env)[DATA_ENV];
  if (fromEnv) return { path: resolve(io.cwd, fromEnv), namedBy: DATA_ENV };
  return { path: defaultDataDir(), namedBy: null };
}

/**
 * A data folder that is not there is a typing mistake far more often than a wish for
 * a new store, so only a command that sets one up (`init`) creates it.
 */
async function checkDataFolder(data: DataFolder, command: Command): Promise<void> {
  const named = `The data folder ${terminalSafe(data.path)}${
    data.namedBy === null ? '' : ` (from ${data.namedBy})`
  }`;
  let info;
  try {
    info = await stat(data.path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new UserError(`${named} cannot be opened: ${describeFileError(error)}.`);
    }
    if (command.createsDataFolder === true) return;
    throw new UserError(
      `${named} does not exist; only 'nexus-billing init' creates a store in a new folder.`,
    );
  }
  if (!info.isDirectory()) throw new UserError(`${named} is a file, not a folder.`);
}

function checkArguments(command: Command, positionals: string[]): void {
  const required = command.args.filter((arg) => arg.required);
  if (positionals.length < required.length) {
    throw new UsageError(`missing ${required[positionals.length]?.name ?? 'argument'}.`);
  }
  const variadic = command.args.some((arg) => arg.variadic);
  if (!variadic && positionals.length > command.args.length) {
    throw new UsageError(`unexpected argument '${positionals[command.args.length]}'.`);
  }
}

/** Messages quote what the user gave (file contents, names), so they are escaped. */
function reportError(error: unknown, command: Command | null, io: CliIO): number {
  if (error instanceof UsageError) {
    const name = command === null ? '' : ` ${command.name}`;
    io.stderr(
      `${command === null ? 'nexus-billing' : command.name}: ${terminalSafe(error.message)} Run 'nexus-billing${name} --help'.\n`,
    );
    return 2;
  }
  if (error instanceof UserError) {
    io.stderr(
      `${terminalSafe(error.message)}\n${error.details.map((line) => `  ${terminalSafe(line)}\n`).join('')}`,
    );
    return 1;
  }
  const fileProblem = fileErrorSentence(error);
  if (fileProblem !== null) {
    io.stderr(`${terminalSafe(fileProblem)}\n`);
    return 1;
  }
  // Not the user's mistake: say so plainly, with the detail a bug report needs.
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(
    `Internal error in '${command?.name ?? 'nexus-billing'}' (please report it): ${terminalSafeLines(message)}\n`,
  );
  return 1;
}

function usageLine(command: Command): string {
  const args = command.args.map((arg) => {
    const text = `${arg.name}${arg.variadic ? '…' : ''}`;
    return arg.required ? text : `[${text}]`;
  });
  return ['nexus-billing', command.name, ...args, '[options]'].join(' ');
}

function optionLines(options: Record<string, OptionSpec>): string[] {
  return Object.entries(options).map(([name, spec]) => {
    const flag = `--${name}${spec.value ? ` ${spec.value}` : ''}${spec.multiple ? ' …' : ''}`;
    return `  ${flag.padEnd(28)} ${spec.description}`;
  });
}

export function commandHelp(command: Command): string {
  return [
    `Usage: ${usageLine(command)}`,
    '',
    command.summary,
    '',
    'Options:',
    ...optionLines(command.options),
    ...optionLines(COMMON_OPTIONS),
    '',
  ].join('\n');
}

function generalHelp(): string {
  return [
    'Usage: nexus-billing [--data DIR] [--json] COMMAND [options]',
    '',
    'The Nexus Billing Desk, headless: the same store and services as the desktop app.',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(20)} ${command.summary}`),
    '',
    `Every command takes --data DIR (else $${DATA_ENV}, else the desktop app's folder), --json,`,
    '--help and --wait SECONDS (how long to wait for a store another program has open;',
    'default 30), before or after its name.',
    'Exit codes: 0 done, 1 the data or the request was refused (one sentence on stderr), 2 usage error.',
    '',
  ].join('\n');
}
