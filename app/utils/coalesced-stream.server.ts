// React writes a page's HTML in pieces of about 2 kB, all in one tick for a page without Suspense. Passed
// on one by one, each piece became its own gzip job on libuv's thread pool, and Remix flushes the compressor
// after every chunk (strace of one demo certification board: 33 thread-pool wake-ups and 7 writes to the
// client; 3 and 2 joined). Joined per tick, a page is one chunk; what React writes later (a Suspense boundary
// resolving) still goes out as soon as its tick ends.
import { Transform, type TransformCallback } from "node:stream";

export class CoalescedStream extends Transform {
  private parts: Buffer[] = [];
  private size = 0;
  private scheduled = false;

  // Strings written to it arrive as Buffers (the writable side decodes them: decodeStrings).
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.parts.push(chunk);
    this.size += chunk.length;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.release());
    }
    done();
  }

  override _flush(done: TransformCallback) {
    this.release();
    done();
  }

  private release() {
    this.scheduled = false;
    if (this.parts.length === 0 || this.destroyed) return;
    const joined = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    this.push(joined);
  }
}
