/**
 * Numbers appended one per staged event (its key hash, its segment), for batches of
 * up to tens of millions of events. A plain array holds them as 8-byte heap values
 * and, as it grows, copies itself into one half again as large, so a 10-million
 * event batch briefly needed several hundred megabytes; here they sit in fixed-size
 * typed chunks that are never copied, at the element size the numbers need.
 */
const CHUNK_LENGTH = 1 << 20;

type NumberChunk = Float64Array | Uint32Array;

export class NumberLog {
  private readonly chunks: NumberChunk[] = [];
  private count = 0;

  /** `chunk` makes an empty chunk: Float64Array for any number, Uint32Array for small whole ones. */
  constructor(private readonly chunk: (length: number) => NumberChunk) {}

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    const offset = this.count % CHUNK_LENGTH;
    if (offset === 0) this.chunks.push(this.chunk(CHUNK_LENGTH));
    (this.chunks[this.chunks.length - 1] as NumberChunk)[offset] = value;
    this.count++;
  }

  at(index: number): number {
    return (this.chunks[Math.floor(index / CHUNK_LENGTH)] as NumberChunk)[
      index % CHUNK_LENGTH
    ] as number;
  }

  /** The numbers at the positions `keep` accepts, in order, in one array of their size. */
  toFloat64Array(keep: (index: number) => boolean = () => true): Float64Array {
    let kept = 0;
    for (let index = 0; index < this.count; index++) if (keep(index)) kept++;
    const result = new Float64Array(kept);
    let at = 0;
    for (let index = 0; index < this.count; index++) if (keep(index)) result[at++] = this.at(index);
    return result;
  }
}
