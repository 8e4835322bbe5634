/**
 * The Electron main process: a thin shell. It opens the window with safe defaults
 * and nothing else yet; every use case lives in src-main/services, shared with the
 * CLI, so this file stays small enough to need no tests of its own.
 */
import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import { applySecurityPolicy } from './security';

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Nexus Billing Desk',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer) void window.loadURL(devServer);
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
}

app.setName('Nexus Billing');
applySecurityPolicy(app);
void app.whenReady().then(() => {
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
