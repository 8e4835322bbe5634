/**
 * The command line's parsing under random arguments: whatever is typed, the answer
 * is output and an exit code of 0, 1 or 2, never a crash or a stack trace. Words come
 * from the real commands and options, mixed with odd values and random text. Paths
 * stay inside the test's folder (no absolute path, no `..`), and the demo, which only
 * adds seconds per run, is left out.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { COMMANDS } from '../../src-main/cli/commands';
import { COMMON_OPTIONS } from '../../src-main/cli/main';
import { cli, tempDir } from '../support/cli';
import { SMALL_BOOK } from '../support/cli-book';

/** `demo` and `serve` run until they are stopped: no answer to check. */
const LONG_RUNNING = new Set(['demo', 'serve']);
const commands = COMMANDS.map((command) => command.name).filter((name) => !LONG_RUNNING.has(name));
const optionNames = [
  ...new Set([
    ...Object.keys(COMMON_OPTIONS),
    ...COMMANDS.flatMap((command) => Object.keys(command.options)),
  ]),
].filter((name) => name !== 'demo');

const safeText = fc
  .string({ maxLength: 12 })
  .filter((text) => !text.startsWith('/') && !text.includes('..') && !text.includes('\\'));

const value = fc.oneof(
  fc.constantFrom(
    '2026-10',
    '2026-13',
    '2026-10-01',
    '5',
    '-5',
    '1,200',
    '1e9',
    '99999999999999999',
    'acme',
    'org_8f2a',
    'c1',
    'goodwill',
    'csv',
    'book.json',
    'u.csv',
    'out.json',
    'data',
    'data/store.json',
    'missing/x.json',
    'INV-2026-00001',
    'a\u001b[2Jb',
    '',
  ),
  safeText,
);

/** Any word at all: a command, an option with or without `=value`, a value, a lone dash. */
const noise = fc.oneof(
  fc.constantFrom(...commands, 'help', 'nope', '-h', '-', '--', '-x', '---', '--=', '--data='),
  fc.constantFrom(...optionNames).map((name) => `--${name}`),
  fc.tuple(fc.constantFrom(...optionNames), value).map(([name, text]) => `--${name}=${text}`),
  value,
);

/** An option of the command (or a common one) followed by a value when it takes one. */
function optionOf(specs: Record<string, { type: string }>) {
  return fc
    .tuple(fc.constantFrom(...Object.keys(specs)), value)
    .map(([name, text]) => (specs[name]?.type === 'string' ? [`--${name}`, text] : [`--${name}`]));
}

/**
 * Mostly well-formed command lines (the command's arguments, some of its options with
 * values), so that most runs get past parsing to the services; the rest pure noise.
 */
const commandLine = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(...commands).chain((name) => {
      const command = COMMANDS.find((candidate) => candidate.name === name);
      const options = { ...COMMON_OPTIONS, ...command?.options };
      delete options.data;
      delete options.help;
      const part = fc.oneof(
        { weight: 8, arbitrary: optionOf(options) },
        { weight: 1, arbitrary: noise.map((text) => [text]) },
      );
      const args = fc.array(value, {
        minLength: command?.args.filter((arg) => arg.required).length ?? 0,
        maxLength: command?.args.length ?? 0,
      });
      return fc
        .tuple(args, fc.array(part, { maxLength: 5 }), fc.boolean())
        .map(([positionals, parts, jsonFirst]) => [
          ...(jsonFirst ? ['--json'] : []),
          name,
          ...positionals,
          ...parts.flat(),
        ]);
    }),
  },
  { weight: 1, arbitrary: fc.array(noise, { maxLength: 7 }) },
);

describe('the command line under random arguments', () => {
  it('always answers with exit code 0, 1 or 2 and never a stack trace', async () => {
    const dir = await tempDir();
    vi.stubEnv('TMPDIR', dir);
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const env = { NEXUS_BILLING_DATA: join(dir, 'data') };
    await writeFile(join(dir, 'book.json'), JSON.stringify(SMALL_BOOK));
    await writeFile(
      join(dir, 'u.csv'),
      'event_id,customer,meter,quantity,timestamp\ne1,org_8f2a,api_calls,5,2026-10-01T00:00:00Z\n',
    );
    expect((await cli(['init'], dir, env)).code).toBe(0);
    expect((await cli(['load', 'book.json'], dir, env)).code).toBe(0);

    await fc.assert(
      fc.asyncProperty(commandLine, async (args) => {
        const run = await cli(args, dir, env);
        expect([0, 1, 2]).toContain(run.code);
        expect(run.stderr).not.toContain('Internal error');
        expect(run.stderr).not.toMatch(/\n\s+at /);
        expect(run.stdout + run.stderr).not.toContain('\u001b');
      }),
      { numRuns: 300 },
    );
  });
});
