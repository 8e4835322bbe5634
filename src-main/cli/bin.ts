/** The executable entry of `nexus-billing`: real process IO around runCli. */
import { describeFileError } from '../files/file-errors';
import { runCli } from './main';

// `nexus-billing dump | head`, or `dump > /dev/full`: once the output cannot be written
// there is nothing left to do. One sentence and exit 1 instead of an unhandled 'error'
// event and its stack trace (the store's lock is released on exit).
process.stdout.on('error', (error) => {
  const reason =
    (error as NodeJS.ErrnoException).code === 'EPIPE'
      ? 'the output was closed before it was complete'
      : `cannot write the output: ${describeFileError(error)}`;
  process.stderr.write(`nexus-billing: stopped: ${reason}.\n`);
  process.exit(1);
});
// With stderr gone too there is no one left to tell.
process.stderr.on('error', () => process.exit(1));

const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stderr.isTTY,
  cwd: process.cwd(),
});
process.exitCode = exitCode;
