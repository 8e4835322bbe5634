/**
 * The backend: the store, the services and the long jobs of one data folder, behind
 * the contract. The doors (IPC, HTTP) hold a Backend and never the store. It runs on
 * a worker thread (`startBackendThread`), so that an import or a bill run never holds
 * up the window's main process or the HTTP server; tests open it in-process.
 */
import { Worker } from 'node:worker_threads';
import { isEmptyBook } from '../bundle/validate';
import { UserError } from '../domain/errors';
import { openStore } from '../store/store';
import type { ChosenFile, Outcome } from './contract';
import { callProcedure } from './dispatch';
import { ChosenFiles } from './files';
import { createHandlers } from './handlers';
import { JobRegistry } from './jobs';

export interface Backend {
  /** Calls a procedure by name with an untrusted payload (see dispatch.ts). */
  call(name: string, payload: unknown): Promise<Outcome>;
  /** Lets the renderer read a file the door received (dialog or upload); answers its id. */
  addFile(path: string, name: string): Promise<ChosenFile>;
  /** Waits for running jobs, then closes the store, releasing the folder's lock. */
  close(): Promise<void>;
}

export interface BackendOptions {
  /** Fill an empty book with the demo book first (a first start with no data). */
  demoIfEmpty?: boolean;
}

export async function openBackend(dataDir: string, options: BackendOptions = {}): Promise<Backend> {
  const store = await openStore(dataDir);
  const files = new ChosenFiles();
  const jobs = new JobRegistry();
  const handlers = createHandlers({ store, files, jobs });
  try {
    if (options.demoIfEmpty === true && isEmptyBook(store.read())) await handlers.loadDemoBook({});
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    call: (name, payload) => callProcedure(handlers, name, payload),
    addFile: (path, name) => files.add(path, name),
    close: async () => {
      await jobs.settle();
      await store.close();
    },
  };
}

// ---------------------------------------------------------------- on a worker thread

export interface BackendWorkerData {
  dataDir: string;
  options: BackendOptions;
}

export type BackendRequest =
  | { id: number; kind: 'call'; name: string; payload: unknown }
  | { id: number; kind: 'addFile'; path: string; name: string }
  | { id: number; kind: 'close' };

export type BackendMessage =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string; userError: boolean }
  | { kind: 'reply'; id: number; outcome: Outcome };

/** A request before it gets its id (Omit, distributed over the union). */
type RequestBody = BackendRequest extends infer Each
  ? Each extends unknown
    ? Omit<Each, 'id'>
    : never
  : never;

function spawnWorker(workerData: BackendWorkerData): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // Run from source (tsx, Vitest): Node 20 does not hand tsx's loader to a worker.
    const entry = JSON.stringify(new URL('./backend-worker.ts', here).href);
    return new Worker(
      `import('tsx/esm/api').then(({ tsImport }) => tsImport(${entry}, ${JSON.stringify(here)}))`,
      { eval: true, workerData },
    );
  }
  // Built: every main-process file, this one's chunk included, is in out/main.
  return new Worker(new URL('./backend.js', here), { workerData });
}

/** Opens the backend of `dataDir` on its own thread; rejects as openBackend would. */
export function startBackendThread(
  dataDir: string,
  options: BackendOptions = {},
): Promise<Backend> {
  const worker = spawnWorker({ dataDir, options });
  const pending = new Map<number, (outcome: Outcome) => void>();
  let nextId = 1;
  const request = (message: RequestBody): Promise<Outcome> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ ...message, id });
    });
  const unwrap = <T>(outcome: Outcome): T => {
    if (!outcome.ok) throw new UserError(outcome.error.message, outcome.error.details);
    return outcome.value as T;
  };
  const backend: Backend = {
    call: (name, payload) => request({ kind: 'call', name, payload }),
    addFile: async (path, name) =>
      unwrap<ChosenFile>(await request({ kind: 'addFile', path, name })),
    close: async () => {
      unwrap(await request({ kind: 'close' }));
      await worker.terminate();
    },
  };

  return new Promise((resolve, reject) => {
    worker.on('message', (message: BackendMessage) => {
      if (message.kind === 'ready') resolve(backend);
      else if (message.kind === 'failed') {
        reject(message.userError ? new UserError(message.message) : new Error(message.message));
        void worker.terminate();
      } else {
        pending.get(message.id)?.(message.outcome);
        pending.delete(message.id);
      }
    });
    worker.on('error', (error) => {
      reject(error);
      const outcome: Outcome = {
        ok: false,
        error: { code: 'internal', message: `The backend stopped: ${error.message}`, details: [] },
      };
      for (const answer of pending.values()) answer(outcome);
      pending.clear();
    });
  });
}
