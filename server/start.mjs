// `npm start`: runs the server compiled into a few JavaScript files instead of ~560 TypeScript files each
// resolved, read and transformed through tsx at every start (about half of a start's CPU time, decision
// 025). The compiled copy lives in .cache/server/ (ignored by git), built with esbuild (tsx's own compiler)
// the first time and again whenever a file it was built from changed. It records those files (esbuild's
// list of inputs) with their inode, size and change time (ctime, which any write sets and nothing sets
// back): a start compares them, ~560 stat calls, rather than reading and hashing 3 MB of sources. Libraries
// stay outside the copy and load from node_modules as usual. Should anything fail (no esbuild, a read-only
// folder), the server runs from its sources through tsx, as `npm run dev` does, and says so.
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const cacheDir = path.join(root, '.cache', 'server');
const manifestFile = path.join(cacheDir, 'current.json');

/** What identifies a file's content without reading it; undefined when it is gone. */
function signature(file) {
  try {
    const stat = statSync(path.join(root, file), { bigint: true });
    return `${stat.ino}:${stat.size}:${stat.ctimeNs}`;
  } catch {
    return undefined;
  }
}

function readManifest() {
  try {
    return JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The compiled entry when every file it was built from is unchanged (and Node too). */
function upToDateEntry() {
  try {
    const manifest = readManifest();
    if (manifest.node !== process.version) return undefined;
    for (const [file, known] of Object.entries(manifest.inputs)) if (signature(file) !== known) return undefined;
    const entry = path.join(cacheDir, manifest.dir, 'main.js');
    return existsSync(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One bundle of server/main.ts and everything it imports from server/, split where the code imports lazily
 * (lazy-routes.ts) so that those parts still load on first use. `import.meta` is replaced in each file by
 * that file's own place, so paths to views, workers and documents stay those of the sources.
 */
async function build(outdir) {
  const esbuild = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'))('esbuild');
  const meta = /\bimport\.meta\.(url|dirname|filename)\b/g;
  const { metafile } = await esbuild
    .build({
      absWorkingDir: root,
      entryPoints: ['server/main.ts'],
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      packages: 'external',
      // On disk for `NODE_OPTIONS=--enable-source-maps` when reading a stack trace; not on by default: Node
      // would then read the maps of every module it loads, and of every stack a library captures.
      sourcemap: 'linked',
      metafile: true,
      logLevel: 'silent',
      plugins: [
        {
          name: 'import-meta-of-sources',
          setup(builder) {
            builder.onLoad({ filter: /\.ts$/ }, ({ path: file }) => {
              const own = { url: pathToFileURL(file).href, dirname: path.dirname(file), filename: file };
              const source = readFileSync(file, 'utf8').replace(meta, (_, key) => JSON.stringify(own[key]));
              return { contents: source, loader: 'ts' };
            });
          },
        },
      ],
    })
    // esbuild's service process would otherwise stay beside the server for nothing.
    .finally(() => esbuild.stop());
  return Object.keys(metafile.inputs);
}

/**
 * Builds a new copy into a folder of its own, then records it as the current one (a rename: a start
 * running at the same time reads the old record or the new one). The files of server/ and public/ are
 * signed before the build, so that one written during the build makes the next start build again.
 */
async function rebuild() {
  const before = new Map(
    ['server', 'public'].flatMap((folder) =>
      readdirSync(path.join(root, folder), { recursive: true }).map((name) => {
        const file = path.join(folder, String(name));
        return [file, signature(file)];
      }),
    ),
  );
  const previous = readManifest()?.dir;
  mkdirSync(cacheDir, { recursive: true });
  const dir = `build-${Date.now()}-${randomBytes(4).toString('hex')}`;
  const inputs = await build(path.join(cacheDir, dir));
  // An input from elsewhere (none today) is signed after the build, when a write during it would go unseen.
  const signed = Object.fromEntries(
    inputs.map((file) => [file, before.has(file) ? before.get(file) : signature(file)]),
  );
  const temp = `${manifestFile}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, JSON.stringify({ node: process.version, dir, inputs: signed }));
  renameSync(temp, manifestFile);
  removeOldCopies(dir, previous);
  return path.join(cacheDir, dir, 'main.js');
}

/**
 * A server started from an earlier copy may still import its lazy parts (the studio, exports) from it: a
 * copy is removed 30 days after it stopped being the current one (its folder's time, set when it did).
 */
function removeOldCopies(current, previous) {
  const now = new Date();
  if (previous) utimesSync(path.join(cacheDir, previous), now, now);
  for (const name of readdirSync(cacheDir).filter((n) => n.startsWith('build-') && n !== current)) {
    const folder = path.join(cacheDir, name);
    if (now.getTime() - statSync(folder).mtimeMs > 30 * 86_400_000) rmSync(folder, { recursive: true, force: true });
  }
}

let entry;
try {
  entry = pathToFileURL(upToDateEntry() ?? (await rebuild())).href;
} catch (error) {
  console.error(
    `Compiled copy unavailable (${error instanceof Error ? error.message : error}): running from the sources.`,
  );
  const { register } = await import('tsx/esm/api');
  register();
  entry = new URL('./main.ts', import.meta.url).href;
}
await import(entry);
