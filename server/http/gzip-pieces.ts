import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A page made of fixed pieces and a few per-request values (module-page-cache.ts) can be sent gzipped
 * without compressing it again at every request. A DEFLATE stream is a series of blocks, and a stream
 * ended with a sync flush (not a final block) stops on a byte boundary: streams compressed separately
 * can then be joined one after the other, since each only refers back to its own bytes. So the fixed
 * pieces are deflated once, at the best level, and each request only adds its values as stored
 * (uncompressed) blocks, the end, and the gzip header and trailer (RFC 1951 and 1952).
 */

/**
 * A piece deflated once: to be joined by `joinGzip`, never sent alone. `before` is what the joined
 * stream holds just before this piece, as far as it is known: the piece may refer back to it, so it
 * must be exactly those bytes (or bytes the piece cannot contain, where they vary), up to the piece.
 */
export function deflatePiece(bytes: Buffer, before?: Buffer): Buffer {
  if (bytes.length === 0) return bytes;
  return deflateRawSync(bytes, {
    level: constants.Z_BEST_COMPRESSION,
    finishFlush: constants.Z_SYNC_FLUSH,
    ...(before && before.length > 0 && { dictionary: before.subarray(-window) }),
  });
}

/** How far back DEFLATE refers. */
const window = 32_768;

/** A per-request value as stored blocks: a few bytes of framing, no compression work. */
export function storedPiece(bytes: Buffer): Buffer[] {
  const pieces: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += maxStored) {
    const data = bytes.subarray(start, start + maxStored);
    const header = Buffer.alloc(5);
    // BFINAL 0, BTYPE 00 (stored), then LEN and its one's complement, little-endian.
    header.writeUInt16LE(data.length, 1);
    header.writeUInt16LE(~data.length & 0xffff, 3);
    pieces.push(header, data);
  }
  return pieces;
}

const maxStored = 0xffff;
/** ID1 ID2, deflate, no flags, no time, no extra flags, unknown OS. */
const gzipHeader = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
/** An empty final block with fixed codes: the stream ends. */
const finalBlock = Buffer.from([0x03, 0x00]);

/**
 * The gzip member for `body`, from its pieces in order (`deflatePiece`, `storedPiece`): the trailer's
 * CRC-32 and length are those of the whole body, which the caller has already joined.
 */
export function joinGzip(pieces: readonly Buffer[], body: Buffer): Buffer {
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(body), 0);
  trailer.writeUInt32LE(body.length % 2 ** 32, 4);
  return Buffer.concat([gzipHeader, ...pieces, finalBlock, trailer]);
}
