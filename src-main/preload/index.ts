/**
 * The preload exposes named functions only (never a generic "invoke any channel"),
 * each bound to one IPC channel of the typed contract in src-main/ipc.
 */
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('nexus', {
  platform: process.platform,
});
