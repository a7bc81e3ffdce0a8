// Static files (public/) are few and small, so they are read once at start, fingerprinted with a hash of
// their content and compressed once at the highest settings (kept between starts: precompressed.ts): a
// cheap phone downloads each version once (`immutable`), and the server spends no CPU compressing them
// per request.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';
import { precompressed, pruneCompressedCopies } from './precompressed.ts';

const types: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const compressible = new Set(['.css', '.js', '.svg', '.json', '.txt']);
/** Below this a compressed copy saves less than a packet: not worth a Vary and a second copy. */
const minCompressBytes = 1024;
/** A year, the longest value caches honour; a new version has a new URL. */
export const immutableCacheControl = 'public, max-age=31536000, immutable';
/** The file's plain URL, as before fingerprints: a week (pages already in caches name it). */
const plainCacheControl = 'public, max-age=604800';
/** A fingerprint that is no longer the file's: serve today's file, but let no one keep it under that URL. */
const staleCacheControl = 'no-cache';

interface Asset {
  hash: string;
  type: string;
  bodies: { identity: Buffer; br?: Buffer; gzip?: Buffer };
}

export interface StaticAssets {
  /** The URL views use for a file of public/ (`assetUrl('style.css')`), with its fingerprint. */
  url(name: string): string;
  /** Serves `/<name>` and `/<stem>.<hash>.<ext>` (any hash: an old page still gets its file). */
  handler: RequestHandler;
}

const fingerprinted = /^\/([\w-]+)\.([0-9a-f]{12})(\.[a-z]+)$/;

/**
 * Reads the files at the top of `dir` once. A changed file gets a new fingerprint at the next start; the
 * old fingerprint still serves the current file (never cached), so a page rendered before a deployment
 * keeps its styles. `npm run dev` restarts the server when a file of public/ changes.
 */
export function staticAssets(dir: string, mount: string, cacheDir?: string): StaticAssets {
  const assets = new Map<string, Asset>();
  const cache = cacheDir ? { dir: cacheDir, used: new Set<string>() } : undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const ext = path.extname(entry.name);
    if (!entry.isFile() || !(ext in types)) continue;
    assets.set(entry.name, load(readFileSync(path.join(dir, entry.name)), ext, cache));
  }
  if (cache) pruneCompressedCopies(cache);

  const url = (name: string) => {
    const asset = assets.get(name);
    if (!asset) return `${mount}/${name}`;
    const ext = path.extname(name);
    return `${mount}/${name.slice(0, -ext.length)}.${asset.hash}${ext}`;
  };

  const handler: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const match = fingerprinted.exec(req.path);
    const name = match ? `${match[1]}${match[3]}` : req.path.slice(1);
    const asset = assets.get(name);
    if (!asset) return next();
    const cacheControl = !match
      ? plainCacheControl
      : match[2] === asset.hash
        ? immutableCacheControl
        : staleCacheControl;
    res.setHeader('Cache-Control', cacheControl);
    res.setHeader('Content-Type', asset.type);
    const { br, gzip, identity } = asset.bodies;
    if (br || gzip) res.vary('Accept-Encoding');
    // Brotli when accepted (smaller), whatever order the browser lists them in.
    const encoding =
      br && req.acceptsEncodings('br') ? 'br' : gzip && req.acceptsEncodings('gzip') ? 'gzip' : undefined;
    const body = encoding === 'br' ? (br as Buffer) : encoding === 'gzip' ? (gzip as Buffer) : identity;
    if (encoding) res.setHeader('Content-Encoding', encoding);
    // One ETag per encoding: a cache must not answer a gzip request with the brotli bytes.
    res.setHeader('ETag', encoding ? `"${asset.hash}-${encoding}"` : `"${asset.hash}"`);
    // res.send answers 304 itself when the browser's ETag matches.
    res.send(body);
  };
  return { url, handler };
}

function load(content: Buffer, ext: string, cache: Parameters<typeof precompressed>[3]): Asset {
  const sha256 = createHash('sha256').update(content).digest('hex');
  const bodies: Asset['bodies'] = { identity: content };
  if (compressible.has(ext) && content.length >= minCompressBytes) {
    bodies.br = precompressed(content, sha256, 'br', cache);
    bodies.gzip = precompressed(content, sha256, 'gzip', cache);
  }
  return { hash: sha256.slice(0, 12), type: types[ext] as string, bodies };
}
