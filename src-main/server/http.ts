/**
 * The browser mode's HTTP door: the built renderer, and the contract at
 * `POST /api/rpc/:procedure`. Only the app's own page may call the API: every `/api/`
 * request must carry the run's token, come from the server's own origin (or none) and
 * name the server's own host (no DNS rebinding); anything else is answered 401 before
 * it reaches the backend.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Backend } from '../api/backend';
import { FILE_NAME_HEADER, TOKEN_HEADER, type ApiErrorBody, type Outcome } from '../api/contract';
import { SECURITY_HEADERS } from '../csp';

export interface HttpDoorOptions {
  backend: Backend;
  /** The run's secret; the page gets it in the URL's fragment, which no request carries. */
  token: string;
  /** The port the server listens on: the only origin and host accepted. */
  port: () => number;
  /** The built renderer (index.html and its assets). */
  rendererDir: string;
  /** Where uploaded files are kept until the server stops. */
  uploadsDir: string;
}

const STATUS: Record<ApiErrorBody['code'], ContentfulStatusCode> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  refused: 422,
  internal: 500,
};

const failure = (code: ApiErrorBody['code'], message: string): Outcome => ({
  ok: false,
  error: { code, message, details: [] },
});

function answer(c: Pick<Context, 'json'>, outcome: Outcome) {
  return c.json(outcome, outcome.ok ? 200 : STATUS[outcome.error.code]);
}

/** The name a browser gave, as a plain file name (no folders, no control characters). */
function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = basename(name.replaceAll('\\', '/')).replace(/[\u0000-\u001f]/g, '');
  return plain === '' || plain === '.' || plain === '..' ? 'upload' : plain;
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createHttpDoor({ backend, token, port, rendererDir, uploadsDir }: HttpDoorOptions) {
  const app = new Hono();
  const ownHosts = () => [`127.0.0.1:${port()}`, `localhost:${port()}`];

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
  });

  app.use('/api/*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    const host = c.req.header('host') ?? '';
    const origin = c.req.header('origin');
    const allowed =
      ownHosts().includes(host) &&
      (origin === undefined || ownHosts().some((own) => origin === `http://${own}`)) &&
      sameSecret(c.req.header(TOKEN_HEADER), token);
    if (!allowed) {
      return answer(
        c,
        failure(
          'unauthorized',
          'This request does not come from the app opened with this run’s link.',
        ),
      );
    }
    return next();
  });

  app.post('/api/rpc/:procedure', async (c) => {
    let payload: unknown;
    try {
      payload = await c.req.json();
    } catch {
      return answer(c, failure('bad_request', 'The request body is not JSON.'));
    }
    return answer(c, await backend.call(c.req.param('procedure'), payload));
  });

  app.post('/api/upload', async (c) => {
    let name: string;
    try {
      name = safeFileName(decodeURIComponent(c.req.header(FILE_NAME_HEADER) ?? ''));
    } catch {
      return answer(c, failure('bad_request', 'The upload’s file name is not URI-encoded.'));
    }
    const body = c.req.raw.body;
    if (body === null) return answer(c, failure('bad_request', 'The upload has no file in it.'));
    // A folder per upload keeps the file's own name, which the import batch records.
    const folder = join(uploadsDir, randomUUID());
    await mkdir(folder);
    const path = join(folder, name);
    await pipeline(Readable.fromWeb(body), createWriteStream(path, { flags: 'wx' }));
    return answer(c, { ok: true, value: await backend.addFile(path, name) });
  });

  app.all('/api/*', (c) => answer(c, failure('not_found', `There is no API at ${c.req.path}.`)));

  app.use('*', async (c, next) => {
    if (!ownHosts().includes(c.req.header('host') ?? '')) return c.text('Unknown host.', 421);
    return next();
  });
  app.get('*', serveStatic({ root: rendererDir }));
  // The app routes in the URL's fragment, so every other path is the app's page.
  app.get('*', serveStatic({ root: rendererDir, path: 'index.html' }));
  return app;
}
