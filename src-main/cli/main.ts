/**
 * The `nexus-billing` command line: the desktop app's headless twin over the same
 * store and services (../shared/spec/cli.md). `runCli` is a function of its
 * arguments and IO so tests run it in-process; `bin.ts` is the executable entry.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../domain/errors';
import { defaultDataDir } from '../store/paths';
import { openStore, type Store } from '../store/store';
import {
  UsageError,
  type CliIO,
  type Command,
  type CommandContext,
  type OptionSpec,
} from './command';
import { COMMANDS } from './commands';
import { storeLockOptions, WAIT_OPTION } from './store-lock';

const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  data: {
    type: 'string',
    value: 'DIR',
    description: "the store's folder (default: the desktop app's)",
  },
  json: { type: 'boolean', description: 'print exactly one JSON document on stdout' },
  help: { type: 'boolean', short: 'h', description: 'show help' },
  wait: WAIT_OPTION,
};

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(generalHelp());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`Unknown command '${name}'. Run 'nexus-billing --help' for the list.\n`);
    return 2;
  }

  let store: Store | undefined;
  try {
    const { values, positionals } = parseCommandLine(command, rest);
    if (values.help === true) {
      io.stdout(commandHelp(command));
      return 0;
    }
    checkArguments(command, positionals);
    const dataDir =
      typeof values.data === 'string' ? resolve(io.cwd, values.data) : defaultDataDir();
    const lock = storeLockOptions(values.wait, command.name, dataDir, io);
    const ctx: CommandContext = {
      io,
      json: values.json === true,
      dataDir,
      store: async () => (store ??= await openStore(dataDir, { lock })),
      progress: (text) => {
        if (io.isTTY) io.stderr(`\r\x1b[2K${text}`);
      },
      resolvePath: (path) => resolve(io.cwd, path),
    };
    return (await command.run(ctx, values, positionals)) ?? 0;
  } catch (error) {
    return reportError(error, command, io);
  } finally {
    await store?.close();
  }
}

function parseCommandLine(command: Command, args: string[]) {
  const options = { ...GLOBAL_OPTIONS, ...command.options };
  try {
    return parseArgs({
      args,
      allowPositionals: true,
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
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'Invalid arguments.');
  }
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

function reportError(error: unknown, command: Command, io: CliIO): number {
  if (error instanceof UsageError) {
    io.stderr(`${command.name}: ${error.message} Run 'nexus-billing ${command.name} --help'.\n`);
    return 2;
  }
  if (error instanceof UserError) {
    io.stderr(`${error.message}\n${error.details.map((line) => `  ${line}\n`).join('')}`);
    return 1;
  }
  // Not the user's mistake: say so plainly, with the detail a bug report needs.
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(`Internal error in '${command.name}' (please report it): ${message}\n`);
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
    ...optionLines(GLOBAL_OPTIONS),
    '',
  ].join('\n');
}

function generalHelp(): string {
  return [
    'Usage: nexus-billing COMMAND [options]',
    '',
    'The Nexus Billing Desk, headless: the same store and services as the desktop app.',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(20)} ${command.summary}`),
    '',
    'Every command takes --data DIR, --json, --help and --wait SECONDS (how long to wait',
    'for a store another program has open; default 30).',
    'Exit codes: 0 done, 1 the data or the request was refused (one sentence on stderr), 2 usage error.',
    '',
  ].join('\n');
}
