/**
 * `npm start [-- --data DIR]`: builds the app and opens the desktop window. Where
 * Electron cannot start (no display, or its runtime is missing and cannot be
 * downloaded) it says so in one sentence and serves the same app to a browser on
 * 127.0.0.1 instead (`nexus-billing serve`), printing the URL to open.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

function build(): void {
  const result = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) {
    process.stderr.write('The app could not be built (the errors are above).\n');
    process.exit(1);
  }
}

/** Electron's executable, or why the window cannot open on this machine. */
function electron(): { path: string } | { reason: string } {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'there is no display' };
  }
  // Electron fetches its runtime the first time it is required.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
  });
  if (probe.status !== 0 || probe.stdout === '') {
    return { reason: 'its runtime is not installed and could not be downloaded' };
  }
  return { path: probe.stdout };
}

/** Runs a child to its end, passing Ctrl+C and termination on, and exits with its code. */
function runToEnd(child: ChildProcess): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

build();
const runtime = electron();
if ('path' in runtime) {
  runToEnd(spawn(runtime.path, ['.', ...args], { cwd: root, stdio: 'inherit' }));
} else {
  process.stderr.write(
    `The desktop window cannot open here (${runtime.reason}), so the app is served to your browser instead:\n`,
  );
  runToEnd(
    spawn(process.execPath, [resolve(root, 'out/main/cli.js'), 'serve', ...args], {
      cwd: root,
      stdio: 'inherit',
    }),
  );
}
