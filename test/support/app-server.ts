/**
 * The app's doors on a temp data folder: the browser mode's server (real HTTP on
 * 127.0.0.1) and calls with or without its token. Used by the contract tests and the
 * end-to-end tests.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openBackend } from '../../src-main/api/backend';
import { TOKEN_HEADER, type Outcome } from '../../src-main/api/contract';
import { startServer, type RunningServer, type ServeOptions } from '../../src-main/server/serve';

export interface TestServer {
  server: () => RunningServer;
  /** The test's temp folder; the data folder is `data/` in it. */
  dir: () => string;
  dataDir: () => string;
  /** POSTs to /api/rpc/NAME with the run's token (override headers to leave it out). */
  call: (name: string, payload: unknown, headers?: Record<string, string>) => Promise<Response>;
  /** The outcome of a call with the token. */
  outcome: (name: string, payload?: unknown) => Promise<Outcome>;
}

/**
 * Registers hooks giving each test its own server on a temp folder. `newFolder`: the
 * data folder does not exist yet (a first run: the demo book); otherwise it exists,
 * empty. The backend runs in-process unless `options.openBackend` says otherwise.
 */
export function useTestServer(
  options: { newFolder?: boolean; rendererDir?: string } & Pick<ServeOptions, 'openBackend'> = {},
): TestServer {
  let dir = '';
  let server: RunningServer | null = null;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nexus-billing-server-'));
    let rendererDir = options.rendererDir;
    if (rendererDir === undefined) {
      rendererDir = join(dir, 'renderer');
      await writePage(rendererDir);
    }
    if (options.newFolder !== true) await mkdir(join(dir, 'data'));
    server = await startServer({
      dataDir: join(dir, 'data'),
      port: 0,
      rendererDir,
      openBackend: options.openBackend ?? openBackend,
    });
  });
  afterEach(async () => {
    await server?.stop();
    server = null;
    await rm(dir, { recursive: true, force: true });
  });
  const running = () => {
    if (!server) throw new Error('the server runs only inside a test');
    return server;
  };
  const call = (name: string, payload: unknown, headers?: Record<string, string>) =>
    fetch(`${running().origin}/api/rpc/${name}`, {
      method: 'POST',
      headers: headers ?? { 'content-type': 'application/json', [TOKEN_HEADER]: running().token },
      body: JSON.stringify(payload),
    });
  return {
    server: running,
    dir: () => dir,
    dataDir: () => join(dir, 'data'),
    call,
    outcome: async (name, payload = {}) => (await (await call(name, payload)).json()) as Outcome,
  };
}

/** A stand-in for the built renderer: the contract tests need a page, not the app. */
async function writePage(folder: string): Promise<void> {
  await mkdir(folder);
  await writeFile(
    join(folder, 'index.html'),
    '<!doctype html><html lang="en"><title>Nexus Billing Desk</title><main>app</main></html>',
  );
}
