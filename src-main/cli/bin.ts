/** The executable entry of `nexus-billing`: real process IO around runCli. */
import { runCli } from './main';

// `nexus-billing dump | head`: once the reader is gone there is no one to write for.
// One sentence and exit 1 instead of an unhandled 'error' event and its stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' && stream === process.stdout) {
      process.stderr.write(
        'nexus-billing: stopped: the output was closed before it was complete.\n',
      );
    }
    process.exit(1);
  });
}

const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stderr.isTTY,
  cwd: process.cwd(),
});
process.exitCode = exitCode;
