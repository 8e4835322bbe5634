/**
 * The identity of a usage event is the pair (source, event_id). The dedupe index
 * keeps a 53-bit hash of it per stored event (8 bytes in a Float64Array, sortable
 * and searchable natively); a hash match is only a candidate, confirmed against the
 * stored pair itself (`eventKey`) before an event is called a duplicate.
 */

/** cyrb53 (bryc, public domain) over the source, a separator, then the event id. */
export function eventKeyHash(source: string | null, eventId: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const mix = (code: number): void => {
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  };
  if (source !== null) for (let i = 0; i < source.length; i++) mix(source.charCodeAt(i));
  // The separator keeps (null, "ab") apart from ("a", "b").
  mix(0);
  for (let i = 0; i < eventId.length; i++) mix(eventId.charCodeAt(i));
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The exact, unambiguous identity, for confirming a hash match. */
export function eventKey(source: string | null, eventId: string): string {
  return JSON.stringify([source, eventId]);
}

/** Whether a sorted array holds the value. */
export function sortedHas(sorted: Float64Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = sorted[mid] as number;
    if (at < value) lo = mid + 1;
    else if (at > value) hi = mid - 1;
    else return true;
  }
  return false;
}
