/**
 * The app's API client, picked once: the preload's bridge in the desktop window, the
 * local HTTP API in the browser mode. `nexus-billing serve` opens the app at
 * `/#token=…`; the token is moved to session storage and the hash cleared before any
 * router reads it (this module is imported before the app renders).
 */
import type { ChosenFile, DesktopBridge } from '../../src-main/api/contract';
import { createApi, desktopTransport, httpTransport, uploadFile } from './client';

export { ApiError, followJob, type FinishedJob } from './client';

declare global {
  interface Window {
    /** Set by the preload in the desktop window only. */
    nexus?: DesktopBridge;
  }
}

const TOKEN_KEY = 'nexus-billing-token';

function takeToken(): string {
  const match = /^#token=([\w-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const bridge = window.nexus;
const token = bridge ? '' : takeToken();

/** Whether the app runs in the desktop window (files come from `api.chooseUsageFile`). */
export const isDesktop = bridge !== undefined;

export const api = createApi(bridge ? desktopTransport(bridge) : httpTransport(token));

/**
 * A file for the desk to read (usage, a bank file): the main process's dialog on the
 * desktop (null when cancelled), else the file picked with `<input type="file">`, uploaded.
 */
export function chooseOrUpload(picked?: File): Promise<ChosenFile | null> {
  return isDesktop || !picked ? api.chooseUsageFile({}) : uploadFile(picked, token);
}
