/** The backend's worker thread: opens the data folder and answers the doors' requests. */
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../domain/errors';
import type { Outcome } from './contract';
import {
  openBackend,
  type Backend,
  type BackendMessage,
  type BackendRequest,
  type BackendWorkerData,
} from './backend';

const port = parentPort;
if (!port) throw new Error('backend-worker.ts runs on a worker thread only.');
const send = (message: BackendMessage) => port.postMessage(message);
const { dataDir, options } = workerData as BackendWorkerData;

async function answer(backend: Backend, request: BackendRequest): Promise<Outcome> {
  switch (request.kind) {
    case 'call':
      return backend.call(request.name, request.payload);
    case 'addFile':
      return { ok: true, value: await backend.addFile(request.path, request.name) };
    case 'close':
      await backend.close();
      return { ok: true, value: null };
  }
}

try {
  const backend = await openBackend(dataDir, options);
  port.on('message', (request: BackendRequest) => {
    answer(backend, request).then(
      (outcome) => send({ kind: 'reply', id: request.id, outcome }),
      (error: unknown) =>
        send({
          kind: 'reply',
          id: request.id,
          outcome: {
            ok: false,
            error: {
              code: error instanceof UserError ? 'refused' : 'internal',
              message: error instanceof Error ? error.message : String(error),
              details: [],
            },
          },
        }),
    );
  });
  send({ kind: 'ready' });
} catch (error) {
  send({
    kind: 'failed',
    message: error instanceof Error ? error.message : String(error),
    userError: error instanceof UserError,
  });
}
