/**
 * The identity of a usage event is the pair (source, event_id). The dedupe index
 * keeps a 53-bit hash of it per stored event (8 bytes in a Float64Array, sortable
 * and searchable natively); a hash match is only a candidate, confirmed against the
 * stored pair itself (duplicates.ts) before an event is called a duplicate.
 */

/** cyrb53 (bryc, public domain) over the source, a 0 separator, then the event id. */
export function eventKeyHash(source: string | null, eventId: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  if (source !== null) {
    for (let i = 0; i < source.length; i++) {
      const code = source.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
  }
  // The separator (code 0) keeps (null, "ab") apart from ("a", "b").
  h1 = Math.imul(h1, 2654435761);
  h2 = Math.imul(h2, 1597334677);
  for (let i = 0; i < eventId.length; i++) {
    const code = eventId.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Buckets by the top 20 bits of a 53-bit hash: 4 MiB, and a lookup touches one or two cache lines. */
const BUCKET_BITS = 20;
const BUCKET_DIVISOR = 2 ** (53 - BUCKET_BITS);

/**
 * A set of key hashes: the sorted hashes, plus where each bucket of them starts, so a
 * lookup is a jump and a short scan instead of a binary search over millions.
 */
export class HashSet {
  private readonly starts = new Uint32Array(2 ** BUCKET_BITS + 1);

  /** `sorted` must be sorted ascending (duplicates allowed). */
  constructor(readonly sorted: Float64Array) {
    if (sorted.length === 0) return;
    let position = 0;
    for (let bucket = 0; bucket < 2 ** BUCKET_BITS; bucket++) {
      this.starts[bucket] = position;
      while (
        position < sorted.length &&
        Math.floor((sorted[position] as number) / BUCKET_DIVISOR) === bucket
      )
        position++;
    }
    this.starts[2 ** BUCKET_BITS] = sorted.length;
  }

  /** Position of the hash among the sorted hashes (its first, if repeated), or -1. */
  rankOf(hash: number): number {
    const bucket = Math.floor(hash / BUCKET_DIVISOR);
    const end = this.starts[bucket + 1] as number;
    for (let i = this.starts[bucket] as number; i < end; i++) {
      const at = this.sorted[i] as number;
      if (at >= hash) return at === hash ? i : -1;
    }
    return -1;
  }

  get size(): number {
    return this.sorted.length;
  }
}
