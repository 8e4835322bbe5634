/**
 * The Electron main process: a thin shell. It opens the data folder's backend on its
 * worker thread, registers the IPC door, and shows the window with safe defaults.
 * Everything it decides without Electron lives in shell-rules.ts and api/ipc.ts,
 * which are tested; this file only wires them to Electron.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { startBackendThread, type Backend } from './api/backend';
import { ipcHandlers } from './api/ipc';
import { applySecurityPolicy, registerAppScheme, serveAppFiles } from './security';
import { APP_ORIGIN, dataDirArgument, profileDir } from './shell-rules';
import { defaultDataDir } from './store/paths';

const dataDirGiven = dataDirArgument(process.argv);
const dataDir = dataDirGiven === undefined ? defaultDataDir() : resolve(dataDirGiven);
// The dev server is honoured only in a development build, never in a packaged app.
const devServer = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const appOrigins = devServer === undefined ? [APP_ORIGIN] : [APP_ORIGIN, new URL(devServer).origin];

let window: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const created = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Nexus Billing Desk',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      // Chromium's PDF viewer is a plugin: the invoice page's preview needs it.
      plugins: true,
    },
  });
  created.once('ready-to-show', () => created.show());
  void created.loadURL(devServer ?? `${APP_ORIGIN}/index.html`);
  return created;
}

async function chooseFile(): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: 'Choose a usage export',
    properties: ['openFile'],
    filters: [
      { name: 'Usage exports', extensions: ['csv', 'tsv', 'txt', 'json', 'ndjson', 'jsonl'] },
    ],
  };
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function start(): Promise<void> {
  serveAppFiles(join(import.meta.dirname, '../renderer'));
  let backend: Backend;
  try {
    backend = await startBackendThread(dataDir, { demoIfEmpty: !existsSync(dataDir) });
  } catch (error) {
    dialog.showErrorBox(
      'Nexus Billing Desk',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
    return;
  }
  for (const [channel, handler] of ipcHandlers(backend, { appOrigins, chooseFile })) {
    ipcMain.handle(channel, (event, payload) => handler(event, payload));
  }
  window = createWindow();
  app.on('window-all-closed', () => app.quit());
  // However the app quits (last window closed, Cmd+Q, logout), running jobs finish and
  // the store's lock is released before the process ends.
  let backendClosed = false;
  app.on('will-quit', (event) => {
    if (backendClosed) return;
    event.preventDefault();
    void backend.close().finally(() => {
      backendClosed = true;
      app.quit();
    });
  });
}

app.setName('Nexus Billing');
// One window per data folder: Electron's single-instance lock is per profile.
app.setPath('userData', profileDir(app.getPath('appData'), dataDir));
registerAppScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  applySecurityPolicy(app);
  void app.whenReady().then(start);
}
