/**
 * The window's only way to the main process: one named function per procedure of the
 * contract (never a generic "invoke any channel"), each bound to its own IPC channel.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopBridge } from '../api/contract';
import { ipcChannel, PROCEDURE_NAMES } from '../api/procedures';

const api = Object.fromEntries(
  PROCEDURE_NAMES.map((name) => [
    name,
    (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input),
  ]),
) as DesktopBridge['api'];

contextBridge.exposeInMainWorld('nexus', { api } satisfies DesktopBridge);
