/**
 * `npm run bench`: every benchmark, one after the other, each in its own process so
 * that one's memory does not weigh on the next. Benchmarks measure and print; they
 * assert nothing (speed is not a test). Results go to docs/performance.md.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const benches = readdirSync(import.meta.dirname)
  .filter((name) => name.endsWith('.ts') && name !== 'run.ts')
  .sort();
// Names pick benchmarks; options (`--full`) go to each benchmark run.
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const flags = process.argv.slice(2).filter((arg) => arg.startsWith('--'));
let failed = 0;
for (const name of benches) {
  if (only.length > 0 && !only.some((wanted) => name.includes(wanted))) continue;
  process.stdout.write(`\n=== ${name}\n`);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, name), ...flags],
    {
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) failed += 1;
}
process.exitCode = failed === 0 ? 0 : 1;
