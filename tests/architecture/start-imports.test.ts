// What a start imports before the server listens (decision 025): libraries that the first request does not
// need load on first use (shared/load-on-first-use.ts, or a route module imported on first request). A
// static import anywhere in the files main.ts reaches would load one again at every start; this names it
// with the chain of imports that reaches it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const serverDir = path.resolve(import.meta.dirname, '../../server');

const loadedOnFirstUse = [
  '@node-rs/argon2',
  'busboy',
  'csv-stringify',
  'csv-stringify/sync',
  'jose',
  'marked',
  'marked-gfm-heading-id',
  'nodemailer',
  'openid-client',
  'otplib',
  'pdfkit',
  'postgres',
  'qrcode',
  'sanitize-html',
  'yaml',
  'yazl',
];

// Imports that load code: `import x from`, `import { a } from`, `export … from`, `import 'x'`; not
// `import type`, and not `import('…')`, which loads on first use.
const staticImport = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** Every library imported by the files `from` (main.ts) reaches statically, with the chain that reaches it. */
function librariesReached(from = 'main.ts'): Map<string, string[]> {
  const entry = path.join(serverDir, from);
  const reachedFrom = new Map<string, string | undefined>([[entry, undefined]]);
  const libraries = new Map<string, string[]>();
  const chain = (file: string): string[] => {
    const from = reachedFrom.get(file);
    return [...(from ? chain(from) : []), path.relative(serverDir, file)];
  };
  const queue = [entry];
  for (let file = queue.shift(); file; file = queue.shift()) {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(staticImport)) {
      if (!specifier) continue;
      if (specifier.startsWith('.')) {
        const target = path.resolve(path.dirname(file), specifier);
        if (reachedFrom.has(target)) continue;
        reachedFrom.set(target, file);
        queue.push(target);
      } else if (!specifier.startsWith('node:') && !libraries.has(specifier)) libraries.set(specifier, chain(file));
    }
  }
  return libraries;
}

describe('a start', () => {
  it('imports none of the libraries that load on first use', () => {
    const imported = librariesReached();
    const found = loadedOnFirstUse
      .filter((name) => imported.has(name))
      .map((name) => ({
        library: name,
        through: imported.get(name)!.join(' > '),
      }));
    expect(found).toEqual([]);
  });

  it('finds the libraries it does import, so the check above reads the same code', () => {
    expect([...librariesReached().keys()]).toEqual(expect.arrayContaining(['express', 'zod', 'ejs']));
  });
});

describe('the HR routes, imported on the first request under /hr', () => {
  // Imported with them, pdfkit cost each instance's first dashboard ~150 ms of CPU; only a PDF needs it.
  it('do not import pdfkit', () => {
    const imported = librariesReached('hr/routes.ts');
    expect(imported.get('pdfkit')?.join(' > ')).toBeUndefined();
    expect([...imported.keys()]).toEqual(expect.arrayContaining(['express', 'zod']));
  });
});
