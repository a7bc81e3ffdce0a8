import { Writable } from 'node:stream';

/** A writable that keeps every byte, to inspect what a writer produced. */
export function collectOutput(): { stream: Writable; bytes: () => Buffer; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const bytes = () => Buffer.concat(chunks);
  // Buffer#toString keeps a BOM as U+FEFF, so tests can see it.
  return { stream, bytes, text: () => bytes().toString('utf8') };
}
