/**
 * Every web-content security rule in one place (as Actual Budget does): no
 * navigation away from the app, no new windows, no webviews, no permission
 * grants; only http(s) links leave the app, and they open in the user's browser.
 */
import { shell, type App } from 'electron';

/** Whether a link may be handed to the system browser: web pages only, never file: or custom schemes. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function applySecurityPolicy(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.session.setPermissionRequestHandler((_contents, _permission, callback) =>
      callback(false),
    );
  });
}
