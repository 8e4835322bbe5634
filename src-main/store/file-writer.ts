/**
 * A buffered, hashing writer of new files: what the store writes usage segments and
 * indexes with (usage-files.ts).
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Bytes gathered before each write to the file. */
const BUFFER_BYTES = 1 << 20;

/**
 * Writes one new file (never an existing one) through a 1 MiB
 * buffer, hashing what it writes. Synchronous because the CSV parser hands rows over
 * in a callback that cannot wait; each write to the file is one call for a megabyte.
 */
export class FileWriter {
  readonly path: string;
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private written = 0;

  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.path = path;
    this.fd = openSync(path, 'wx');
  }

  write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.used + text.length * 3 > BUFFER_BYTES) {
      this.flush();
      if (text.length * 3 > BUFFER_BYTES) return this.writeBytes(Buffer.from(text));
    }
    this.used += this.buffer.write(text, this.used);
  }

  writeBytes(bytes: Uint8Array): void {
    this.flush();
    this.output(bytes);
  }

  private output(bytes: Uint8Array): void {
    this.hash.update(bytes);
    this.written += bytes.length;
    writeSync(this.fd, bytes);
  }

  private flush(): void {
    if (this.used === 0) return;
    this.output(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  /** Writes what is pending, makes it durable and closes the file. */
  finish(): { bytes: number; sha256: string } {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    return { bytes: this.written, sha256: this.hash.digest('hex') };
  }

  /** Closes the file without making it durable (it is about to be deleted). */
  abandon(): void {
    closeSync(this.fd);
  }
}

/** Makes the names of files just created in a folder durable. */
export function syncDirectory(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
