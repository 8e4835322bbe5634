import { useCallback, useEffect, useState } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { CommandPalette, type PaletteCommand } from './CommandPalette';
import { ariaShortcut, NAVIGATION, PALETTE_SHORTCUT } from './navigation';
import { useSession } from './session';
import { useShortcuts } from './useShortcuts';

/** Places reached from the palette (and links) rather than the navigation's nine entries. */
const paletteActions = (navigate: (path: string) => void): PaletteCommand[] => [
  // ---- payments and activity (app-payments)
  { id: 'go:/activity', label: 'Go to Activity', run: () => navigate('/activity') },
  {
    id: 'go:/payments/import',
    label: 'Import a bank file',
    run: () => navigate('/payments/import'),
  },
  { id: 'go:/payments/aging', label: 'Go to Aging', run: () => navigate('/payments/aging') },
];

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/** The frame around every screen: the navigation, the demo banner, the command palette. */
export function Layout() {
  const navigateTo = useNavigate();
  const navigate = useCallback((path: string) => void navigateTo(path), [navigateTo]);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const openPalette = useCallback(() => setPaletteOpen(true), []);
  useShortcuts(navigate, openPalette);
  const demo = useSession((session) => session.overview?.demo ?? false);
  const bookError = useSession((session) => session.error);
  useEffect(() => void useSession.getState().load(), []);

  return (
    <div className="frame">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Main">
        <p className="sidebar__brand">Nexus Billing Desk</p>
        <ul className="sidebar__list">
          {NAVIGATION.map((entry) => (
            <li key={entry.path}>
              <NavLink
                to={entry.path}
                end={entry.path === '/'}
                className="sidebar__link"
                aria-keyshortcuts={ariaShortcut(entry)}
              >
                {entry.label}
                <kbd className="kbd sidebar__kbd" aria-hidden="true">
                  G {entry.key.toUpperCase()}
                </kbd>
              </NavLink>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="sidebar__palette"
          onClick={openPalette}
          aria-keyshortcuts={PALETTE_SHORTCUT}
        >
          Command palette
          <kbd className="kbd" aria-hidden="true">
            {isMac ? '⌘K' : 'Ctrl K'}
          </kbd>
        </button>
      </nav>
      <div className="frame__content">
        {demo && (
          <p className="demo-banner" role="status">
            <strong>Demo data.</strong> This book is made up, to try the desk. For your own, start
            an empty book with <code>nexus-billing init --data FOLDER</code> and open the desk on
            that folder.
          </p>
        )}
        {bookError && (
          <p className="error-note error-note--frame" role="alert">
            The book could not be opened: {bookError}
          </p>
        )}
        <main id="main" className="screen" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <CommandPalette
        isOpen={paletteOpen}
        onOpenChange={setPaletteOpen}
        navigate={navigate}
        actions={paletteActions(navigate)}
      />
    </div>
  );
}
