import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src-main/store/paths';

describe('defaultDataDir', () => {
  it('follows XDG on Linux, like Electron', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ann')).toBe(
      '/xdg/Nexus Billing',
    );
    expect(defaultDataDir('linux', {}, '/home/ann')).toBe('/home/ann/.config/Nexus Billing');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '' }, '/home/ann')).toBe(
      '/home/ann/.config/Nexus Billing',
    );
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir('darwin', { XDG_CONFIG_HOME: '/xdg' }, '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/Nexus Billing',
    );
  });

  it('uses %APPDATA% on Windows', () => {
    expect(
      defaultDataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann'),
    ).toBe('C:\\Users\\ann\\AppData\\Roaming\\Nexus Billing');
    expect(defaultDataDir('win32', {}, 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Nexus Billing',
    );
  });
});
