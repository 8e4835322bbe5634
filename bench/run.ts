/**
 * `npm run bench`: every benchmark, one after the other, each in its own process so
 * that one's memory does not weigh on the next. Benchmarks measure and print; they
 * assert nothing (speed is not a test). Results go to docs/performance.md.
 *
 * `npm run bench -- store bundle` runs those alone; `npm run bench -- --full` runs the
 * store and bundle benchmarks at the size of their goals (100,000 invoices and
 * 10,000,000 events): the first such run builds its data under bench/.data/ for several
 * minutes, later runs reuse it. The load average is printed beside each benchmark: on a
 * shared machine it says how far wall times are inflated.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const benches = readdirSync(import.meta.dirname)
  .filter((name) => name.endsWith('.ts') && name !== 'run.ts')
  .sort();
// Names pick benchmarks; options (`--full`) go to each benchmark run.
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const flags = process.argv.slice(2).filter((arg) => arg.startsWith('--'));
const load = () =>
  loadavg()
    .map((average) => average.toFixed(2))
    .join(', ');
let failed = 0;
for (const name of benches) {
  if (only.length > 0 && !only.some((wanted) => name.includes(wanted))) continue;
  process.stdout.write(`\n=== ${name} (load average ${load()})\n`);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, name), ...flags],
    {
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) failed += 1;
  process.stdout.write(`(load average after ${name}: ${load()})\n`);
}
process.exitCode = failed === 0 ? 0 : 1;
