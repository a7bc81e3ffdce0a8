const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Whether the bytes start as every PNG file does, whatever the file's name says. */
export const isPng = (bytes: Buffer) => bytes.subarray(0, 8).equals(pngSignature);

/** A PNG's width and height, from its first chunk (IHDR); undefined when that chunk is missing. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 33 || !isPng(bytes) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
