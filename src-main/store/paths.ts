/**
 * Where the data lives by default: the per-user application data folder that
 * Electron's `app.getPath('userData')` gives for the product name "Nexus Billing",
 * computed here so that the CLI and the tests agree with the app without Electron.
 */
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export const PRODUCT_NAME = 'Nexus Billing';

/**
 * Linux and other Unixes: `$XDG_CONFIG_HOME/Nexus Billing`, else `~/.config/Nexus Billing`;
 * macOS: `~/Library/Application Support/Nexus Billing`; Windows: `%APPDATA%\Nexus Billing`.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  // `||`, not `??`: like Electron, an empty variable counts as unset.
  switch (platform) {
    case 'win32':
      return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    case 'darwin':
      return posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
    default:
      return posix.join(env.XDG_CONFIG_HOME || posix.join(home, '.config'), PRODUCT_NAME);
  }
}
