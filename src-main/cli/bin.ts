/** The executable entry of `nexus-billing`: real process IO around runCli. */
import { runCli } from './main';

const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stderr.isTTY,
  cwd: process.cwd(),
});
process.exitCode = exitCode;
