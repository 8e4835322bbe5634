/** Runs the CLI as it ships: built by `npm run build`, started by bin/nexus-billing.js. */
import { execFileSync, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'nexus-billing.js');

/** Wall time, and CPU time (user + system), the steadier figure on a shared machine. */
export interface Measure {
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
}

export function median(measures: Measure[]): Measure {
  return measures.sort((a, b) => a.seconds - b.seconds)[Math.floor(measures.length / 2)] as Measure;
}

export function buildCli(): void {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
}

/** One run of the built CLI; CPU and peak RSS as `time` (GNU) reports them. */
export function timedCli(args: readonly string[]): Measure {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['--format=%U %S %M', process.execPath, CLI, ...args], {
    encoding: 'utf8',
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`nexus-billing ${args.join(' ')} failed: ${run.stderr}`);
  const [user = 0, system = 0, peakKb = 0] = (run.stderr.trim().split('\n').at(-1) ?? '')
    .split(' ')
    .map(Number);
  return { seconds, cpuSeconds: user + system, peakMb: peakKb / 1024 };
}
