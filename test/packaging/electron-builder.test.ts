/**
 * The installers' configuration, checked as far as it can be without the Electron
 * runtime (which `npm run dist` needs, on a release machine): valid for electron-builder,
 * the three systems targeted, only the built app packed, and no safety setting loosened.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';
import { CONTENT_SECURITY_POLICY } from '../../src-main/csp';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const config = JSON.parse(read('electron-builder.json')) as Configuration;
const packageJson = JSON.parse(read('package.json')) as {
  main: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
};

interface TargetEntry {
  target: string;
  arch: string[];
}
const targetsOf = (platform: { target?: unknown } | null | undefined): TargetEntry[] =>
  (platform?.target ?? []) as TargetEntry[];

describe('the installers’ configuration', () => {
  it('is a configuration electron-builder accepts', async () => {
    // electron-builder's own schema check, the one `electron-builder` runs first.
    const { validateConfiguration } =
      (await import('app-builder-lib/out/util/config/config.js')) as {
        validateConfiguration: (config: Configuration, logger: unknown) => Promise<void>;
      };
    await expect(validateConfiguration(config, { add: () => undefined })).resolves.toBeUndefined();
    await expect(
      validateConfiguration(
        { ...config, win: { targets: 'nsis' } as never },
        { add: () => undefined },
      ),
    ).rejects.toThrow(/configuration\.win/);
  });

  it('names the app once, and builds installers for Windows, macOS and Linux', () => {
    expect(config.appId).toBe('com.nexus-engine.billing-desk');
    expect(config.productName).toBe('Nexus Billing Desk');
    expect(targetsOf(config.win).map((entry) => entry.target)).toEqual(['nsis']);
    expect(targetsOf(config.mac).map((entry) => entry.target)).toEqual(['dmg', 'zip']);
    expect(targetsOf(config.linux).map((entry) => entry.target)).toEqual(['AppImage', 'deb']);
    for (const platform of [config.win, config.mac]) {
      for (const entry of targetsOf(platform)) expect(entry.arch).toEqual(['x64', 'arm64']);
    }
    expect(packageJson.scripts.dist).toBe(
      'electron-vite build && electron-builder --mac --win --linux --publish never',
    );
    expect(packageJson.devDependencies).toHaveProperty('electron');
    expect(packageJson.dependencies).not.toHaveProperty('electron');
  });

  it('packs the built app only, in an asar archive', () => {
    const [built, manifest, maps, ...unusedFontFiles] = config.files as string[];
    expect([built, manifest, maps]).toEqual(['out/**/*', 'package.json', '!**/*.map']);
    // Of the Japanese font's nine weights, the documents embed regular and bold only.
    expect(unusedFontFiles.every((pattern) => pattern.startsWith('!node_modules/'))).toBe(true);
    expect(unusedFontFiles.join(' ')).not.toMatch(/400Regular|700Bold/);
    expect(packageJson.main.startsWith('./out/')).toBe(true);
    expect(config.asar).toBe(true);
    expect(config).not.toHaveProperty('asarUnpack');
  });

  it('loosens no safety setting: fuses closed, the window sandboxed, the CSP strict', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    const shell = read('src-main/index.ts');
    for (const setting of [
      'sandbox: true',
      'contextIsolation: true',
      'nodeIntegration: false',
      'webSecurity: true',
      'allowRunningInsecureContent: false',
      'webviewTag: false',
    ]) {
      expect(shell).toContain(setting);
    }
    // A packaged app never loads a development server.
    expect(shell).toContain('app.isPackaged ? undefined');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*/);
  });
});
