/** Builds the app once for the end-to-end tests: they run the built CLI and renderer. */
import { execFileSync } from 'node:child_process';
import { ROOT } from '../support/browser';

export default function buildApp(): void {
  execFileSync('npm', ['run', '--silent', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
