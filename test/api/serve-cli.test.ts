/** `nexus-billing serve`'s arguments: a bad port is a usage error, told in one sentence. */
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../support/cli';

describe('nexus-billing serve', () => {
  it.each(['abc', '70000', '8080.5'])('refuses --port %s with exit code 2', async (port) => {
    const data = await tempDir();
    const run = await cli(['serve', '--data', data, '--port', port]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `serve: --port takes a port number 0-65535, not '${port}'. Run 'nexus-billing serve --help'.\n`,
    );
  });

  it('is listed in the help with what it does', async () => {
    const run = await cli(['--help']);
    expect(run.stdout).toMatch(/serve\s+Serve the app to a browser on 127\.0\.0\.1/);
  });
});
