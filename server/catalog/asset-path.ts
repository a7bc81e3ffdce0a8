import path from 'node:path';

/** The course file a relative reference names (`./images/a%20b.png` → `images/a b.png`); undefined when its `%` escapes are malformed. */
export function assetPath(href: string): string | undefined {
  try {
    return path.posix.normalize(decodeURI(href).replace(/^\.\//, ''));
  } catch {
    return undefined;
  }
}

/**
 * Whether a relative reference names a file of the course. A malformed `%` escape (`%ZZ`) is an issue
 * like any other: the loader never throws on content, or one saved draft would break the studio pages.
 */
export function lookUpAsset(href: string, assets: ReadonlySet<string>): 'found' | 'missing' | 'malformed' {
  const file = assetPath(href);
  return file === undefined ? 'malformed' : assets.has(file) ? 'found' : 'missing';
}
