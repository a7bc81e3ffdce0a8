import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const localImport = /(?:\bfrom|\bimport)\s*\(?\s*'(\.{1,2}\/[^']+)'/g;
const projectRoot = path.resolve(import.meta.dirname, '..', '..');

let computed: string | undefined;

/**
 * What the catalog cache calls its version: a hash of the code that checks a course folder and of the
 * cache's own format, that is every source file load-course.ts and catalog-cache.ts reach through their
 * relative imports, and of package-lock.json (the versions of yaml, zod, marked…). Any change to a check, a
 * message or a library makes every entry a miss, with no number for anyone to remember to raise. Computed
 * once per process (~70 small files). Should the sources not be readable, the version is random: no entry
 * is ever used.
 */
export function catalogCodeVersion(): string {
  if (computed === undefined) {
    try {
      computed = hashSources(['load-course.ts', 'catalog-cache.ts'].map((f) => path.join(import.meta.dirname, f)));
    } catch {
      computed = randomBytes(8).toString('hex');
    }
  }
  return computed;
}

function hashSources(entries: string[]): string {
  const hash = createHash('sha256');
  const seen = new Set<string>();
  const queue = [...entries];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    hash.update(`${path.relative(projectRoot, file)}\0${source}\0`);
    for (const [, specifier] of source.matchAll(localImport)) queue.push(path.resolve(path.dirname(file), specifier!));
  }
  hash.update(readFileSync(path.join(projectRoot, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}
