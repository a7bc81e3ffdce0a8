import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflatePiece, joinGzip, storedPiece } from '../../server/http/gzip-pieces.ts';

describe('gzip joined from pieces', () => {
  it('reads back as the whole body, pieces deflated once and values stored in any order', () => {
    const head = Buffer.from(
      `<!doctype html><title>Module</title>${'<p>Le numérique, outil après outil.</p>'.repeat(200)}`,
    );
    const choices = ['<li>Oui</li>', '<li>Non</li>', '<li>Je ne sais pas</li>'].map((c) => Buffer.from(c));
    const name = Buffer.from('Zoé &amp; fils');
    // A value longer than one stored block can hold (65,535 bytes).
    const long = Buffer.from('é'.repeat(40_000));
    const order = [2, 0, 1];
    const parts = [head, name, ...order.map((i) => choices[i]!), long, Buffer.alloc(0), head];
    const pieces = [
      deflatePiece(head),
      ...storedPiece(name),
      ...order.map((i) => deflatePiece(choices[i]!)),
      ...storedPiece(long),
      deflatePiece(Buffer.alloc(0)),
      deflatePiece(head),
    ];
    const body = Buffer.concat(parts);
    const gzip = joinGzip(pieces, body);
    // gunzip checks the trailer's CRC-32 and length too.
    expect(gunzipSync(gzip).equals(body)).toBe(true);
    // The fixed pieces are compressed; the stored value is sent as it is.
    expect(gzip.length - long.length).toBeLessThan((body.length - long.length) / 4);
  });

  it('makes an empty body a valid empty member', () => {
    expect(gunzipSync(joinGzip([], Buffer.alloc(0))).length).toBe(0);
  });
});
