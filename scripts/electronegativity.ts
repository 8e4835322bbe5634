/**
 * `npm run security`: Electronegativity over the built app (out/: main, preload and
 * the page with its CSP), failing on any finding above LOW. Electronegativity exits 0
 * whatever it finds, so its CSV is read here. A few of its checks only ask for a
 * human review ("review the use of preload scripts"); those reviews are recorded in
 * REVIEWED with what was checked, and a reviewed finding passes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';

export interface Finding {
  issue: string;
  severity: string;
  file: string;
  sample: string;
  description: string;
}

/** Review-only checks, looked at by hand: the check, and why its finding is accepted. */
export const REVIEWED: Readonly<Record<string, string>> = {
  PRELOAD_JS_CHECK:
    'The preload (src-main/preload/index.ts) exposes one named function per procedure of the contract, each invoking its own channel; no ipcRenderer, no generic invoke, no Node API reaches the page.',
  OPEN_EXTERNAL_JS_CHECK:
    'shell.openExternal is called in one place (openExternalSafely in src-main/security.ts), after isSafeExternalUrl allows https: and mailto: only (tested in test/api/shell-rules.test.ts).',
};

const BLOCKING = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);

export function parseFindings(csv: string): Finding[] {
  const { data } = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true });
  return data
    .slice(1)
    .map(([issue = '', severity = '', , file = '', , sample = '', description = '']) => ({
      issue: issue.trim(),
      severity: severity.trim().toUpperCase(),
      file: file.trim(),
      sample: sample.trim(),
      description: description.trim(),
    }));
}

/** The findings above LOW whose check was not reviewed. */
export function blockingFindings(
  findings: readonly Finding[],
  reviewed: Readonly<Record<string, string>> = REVIEWED,
): Finding[] {
  return findings.filter(
    (finding) => BLOCKING.has(finding.severity) && !(finding.issue in reviewed),
  );
}

async function main(): Promise<number> {
  const root = resolve(import.meta.dirname, '..');
  // Always built afresh: a stale out/ would scan code the sources no longer hold.
  execFileSync('npm', ['run', '--silent', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const electron = JSON.parse(
    readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
  ) as { version: string };
  const dir = await mkdtemp(join(tmpdir(), 'electronegativity-'));
  try {
    const csvPath = join(dir, 'findings.csv');
    // It looks for translations and Electron releases online and warns when it cannot.
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'),
        ...['-i', join(root, 'out'), '-e', electron.version, '-o', csvPath, '-r'],
      ],
      { cwd: root, stdio: 'ignore' },
    );
    const findings = parseFindings(await readFile(csvPath, 'utf8'));
    const blocking = blockingFindings(findings);
    for (const finding of blocking) {
      process.stderr.write(
        `${finding.severity} ${finding.issue} in out/${finding.file}: ${finding.description} (${finding.sample})\n`,
      );
    }
    process.stdout.write(
      `Electronegativity: ${findings.length} finding(s), ${blocking.length} above LOW and not reviewed.\n`,
    );
    return blocking.length === 0 ? 0 : 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.filename === process.argv[1]) process.exitCode = await main();
