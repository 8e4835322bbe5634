/**
 * The browser mode (app.md "Starting it"): the backend of a data folder on its own
 * thread, the HTTP door on 127.0.0.1 only, and a random token per run.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { startBackendThread, type Backend, type BackendOptions } from '../api/backend';
import { UserError } from '../domain/errors';
import { createHttpDoor } from './http';

export interface ServeOptions {
  dataDir: string;
  /** 0 lets the system pick a free port. */
  port: number;
  rendererDir?: string;
  /** How the backend is opened; the worker thread unless a test says otherwise. */
  openBackend?: (dataDir: string, options: BackendOptions) => Promise<Backend>;
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT/#token=TOKEN`: opening it opens the app. */
  url: string;
  origin: string;
  token: string;
  /** Whether the folder had no book yet and the demo book was loaded into it. */
  demo: boolean;
  /** Stops accepting requests, waits for running jobs and releases the store's lock. */
  stop(): Promise<void>;
}

/** The renderer that `electron-vite build` wrote, from the source tree or the built CLI. */
export function builtRendererDir(): string {
  const fromSource = import.meta.url.endsWith('.ts');
  return resolve(import.meta.dirname, fromSource ? '../../out/renderer' : '../renderer');
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const rendererDir = options.rendererDir ?? builtRendererDir();
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new UserError(
      `The app is not built (no ${join(rendererDir, 'index.html')}): run 'npm run build' first.`,
    );
  }
  // A first run, with no data folder at all, starts on the demo book (app.md).
  const demo = !existsSync(options.dataDir);
  const backend = await (options.openBackend ?? startBackendThread)(options.dataDir, {
    demoIfEmpty: demo,
  });
  const uploadsDir = await mkdtemp(join(tmpdir(), 'nexus-billing-uploads-'));
  const token = randomBytes(24).toString('base64url');
  let port = 0;
  const door = createHttpDoor({ backend, token, port: () => port, rendererDir, uploadsDir });

  let server: ServerType;
  try {
    server = await new Promise<ServerType>((resolveListening, reject) => {
      const listening = serve(
        { fetch: door.fetch, hostname: '127.0.0.1', port: options.port },
        () => resolveListening(listening),
      );
      listening.once('error', reject);
    });
  } catch (error) {
    await backend.close();
    await rm(uploadsDir, { recursive: true, force: true });
    throw new UserError(
      `Cannot listen on 127.0.0.1:${options.port}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`,
    );
  }
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  let stopping: Promise<void> | undefined;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    demo,
    stop: () =>
      (stopping ??= (async () => {
        await new Promise<void>((done) => {
          server.close(() => done());
          // Keep-alive connections of an open browser tab would hold close() forever.
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
        await backend.close();
        await rm(uploadsDir, { recursive: true, force: true });
      })()),
  };
}
