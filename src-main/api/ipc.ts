/**
 * The desktop window's door: one IPC handler per procedure (the preload exposes the
 * matching named functions). Each handler first checks that the message comes from
 * the app's own page, then hands the payload to the backend, which validates it.
 * Kept free of electron so that it is tested as it is; src-main/index.ts registers it.
 */
import { basename } from 'node:path';
import { ipcChannel, PROCEDURE_NAMES, type Outcome } from './contract';
import type { Backend } from './backend';
import { validateInput } from './dispatch';

/** The part of an IpcMainInvokeEvent the door reads. */
export interface InvokeEvent {
  senderFrame: { url: string } | null;
}

export type IpcHandler = (event: InvokeEvent, payload: unknown) => Promise<Outcome>;

export interface IpcDoorOptions {
  /** The origins the app's page is loaded from (its own protocol; the dev server when not packaged). */
  appOrigins: readonly string[];
  /** Shows the main process's open dialog; the chosen path, or null when cancelled. */
  chooseFile: () => Promise<string | null>;
}

/** Whether a frame's URL is a page of the app (not a page it was navigated or framed to). */
export function isAppFrame(
  frame: InvokeEvent['senderFrame'],
  appOrigins: readonly string[],
): boolean {
  if (frame === null) return false;
  try {
    const url = new URL(frame.url);
    // app://desk/… has the origin "null" in WHATWG URL terms; compare scheme and host.
    return appOrigins.includes(`${url.protocol}//${url.host}`);
  } catch {
    return false;
  }
}

const refusedSender: Outcome = {
  ok: false,
  error: {
    code: 'unauthorized',
    message: 'This message does not come from the app’s window.',
    details: [],
  },
};

export function ipcHandlers(backend: Backend, options: IpcDoorOptions): Map<string, IpcHandler> {
  const handlers = new Map<string, IpcHandler>();
  for (const name of PROCEDURE_NAMES) {
    handlers.set(ipcChannel(name), async (event, payload) => {
      if (!isAppFrame(event.senderFrame, options.appOrigins)) return refusedSender;
      if (name !== 'chooseUsageFile') return backend.call(name, payload);
      // The dialog belongs to the main process, so this one is answered here.
      const input = validateInput(name, payload);
      if (!input.ok) return input;
      const path = await options.chooseFile();
      if (path === null) return { ok: true, value: null };
      return { ok: true, value: await backend.addFile(path, basename(path)) };
    });
  }
  return handlers;
}
