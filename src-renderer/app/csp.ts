/**
 * Runs before anything else of the window, so that no library tries what the
 * Content-Security-Policy refuses (no eval, no inline <style>).
 */
import { z } from 'zod';

// zod probes for eval to compile its parsers; the policy forbids eval.
z.config({ jitless: true });

// react-aria inserts its one rule for pressable elements as an inline <style> unless an
// element with this id is in the head; theme.css carries the rule itself.
const PRESSABLE_STYLE_ID = 'react-aria-pressable-style';
if (!document.getElementById(PRESSABLE_STYLE_ID)) {
  const marker = document.createElement('meta');
  marker.id = PRESSABLE_STYLE_ID;
  document.head.append(marker);
}
