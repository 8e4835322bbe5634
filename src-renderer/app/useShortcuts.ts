import { useEffect } from 'react';
import { NAVIGATION } from './navigation';

/** A key typed into a field belongs to the field, never to a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** How long "G" waits for its second key. */
const CHORD_WINDOW_MS = 1500;

/**
 * The desk's keyboard: Ctrl+K / ⌘K opens the command palette, "G" then a letter goes
 * to a screen (as in Linear or GitHub), so no shortcut fights a browser's own.
 */
export function useShortcuts(navigate: (path: string) => void, openPalette: () => void): void {
  useEffect(() => {
    let chordStartedAt = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openPalette();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (chordStartedAt > 0 && event.timeStamp - chordStartedAt < CHORD_WINDOW_MS) {
        chordStartedAt = 0;
        const entry = NAVIGATION.find((candidate) => candidate.key === key);
        if (entry) {
          event.preventDefault();
          navigate(entry.path);
        }
        return;
      }
      chordStartedAt = key === 'g' ? event.timeStamp : 0;
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate, openPalette]);
}
