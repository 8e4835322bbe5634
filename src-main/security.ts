/**
 * Every web-content security rule of the desktop window in one place (Electron's
 * security checklist): the page comes from the app's own scheme with the CSP as a
 * response header; no navigation, redirect, new window or webview; every permission
 * denied; links leave only through `openExternalSafely`.
 */
import { pathToFileURL } from 'node:url';
import { net, protocol, shell, type App, type Session } from 'electron';
import { SECURITY_HEADERS } from './csp';
import { APP_SCHEME, appFilePath, isSafeExternalUrl } from './shell-rules';

/** Before `ready`: the app's scheme behaves like https (secure, standard URLs, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer on `app://desk/`, every answer with the security headers. */
export function serveAppFiles(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const path = appFilePath(rendererDir, request.url);
    if (path === null) return new Response('Not found', { status: 404 });
    const file = await net.fetch(pathToFileURL(path).toString());
    const headers = new Headers(file.headers);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    return new Response(file.body, { status: file.status, headers });
  });
}

/** The one way a link leaves the app: https: and mailto: only, in the system's browser or mailer. */
export function openExternalSafely(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function applySecurityPolicy(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
    denyPermissions(contents.session);
  });
}
