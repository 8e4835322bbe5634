import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { runCli } from '../../src-main/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process, as the executable would, capturing its output. `env` stands
 * for the process environment (empty when given: nothing of the test runner's leaks in).
 */
export async function cli(
  args: readonly string[],
  cwd = process.cwd(),
  env?: Record<string, string>,
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    cwd,
    ...(env === undefined ? {} : { env }),
  });
  return { code, stdout, stderr };
}

/** A fresh, empty folder for the running test's data, removed when the test ends. */
export async function tempDir(prefix = 'nexus-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
