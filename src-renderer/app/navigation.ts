/**
 * The navigation of the desk (the names people look for), in the order of a month's
 * work. Each entry is reached by a link, by "G" then its key, and from the command
 * palette (Ctrl+K or ⌘K).
 */
export interface NavigationEntry {
  label: string;
  path: string;
  /** The second key of its "G, key" shortcut. */
  key: string;
}

export const NAVIGATION: readonly NavigationEntry[] = [
  { label: 'Dashboard', path: '/', key: 'd' },
  { label: 'Customers', path: '/customers', key: 'c' },
  { label: 'Plans', path: '/plans', key: 'p' },
  { label: 'Usage', path: '/usage', key: 'u' },
  { label: 'Bill run', path: '/bill-run', key: 'b' },
  { label: 'Invoices', path: '/invoices', key: 'i' },
  { label: 'Payments', path: '/payments', key: 'y' },
  { label: 'Credits', path: '/credits', key: 'r' },
  { label: 'Settings', path: '/settings', key: 's' },
];

/** How a shortcut is written for people: "G then I". */
export function shortcutLabel(entry: NavigationEntry): string {
  return `G then ${entry.key.toUpperCase()}`;
}

/** The same, as aria-keyshortcuts wants it. */
export function ariaShortcut(entry: NavigationEntry): string {
  return `G ${entry.key.toUpperCase()}`;
}

export const PALETTE_SHORTCUT = 'Control+K Meta+K';
