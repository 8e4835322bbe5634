import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src-main/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as the executable would, capturing its output. */
export async function cli(args: readonly string[], cwd = process.cwd()): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    cwd,
  });
  return { code, stdout, stderr };
}

/** A fresh, empty folder for one test's data. */
export function tempDir(prefix = 'nexus-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}
