// `npm start`: the server runs from one JavaScript file made by esbuild from server/main.ts and what it
// imports, instead of through tsx. tsx compiles each file as it is imported, from a loader thread of its
// own that stays for the life of the process: ~30 MB of resident memory for nothing once started.
// The file is kept in .cache/server/ with the SHA-256 of every source it was made from,
// and made again at the first start after any of them changes. Packages stay outside it (imported from
// node_modules as before), and every module keeps its own `import.meta.url`, so paths resolved from it
// (views, public files, the course workers' entry) are the same as with tsx. If the file cannot be made
// (no esbuild, a read-only folder), the server starts through tsx as before.
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'server', 'main.ts');
const cacheDir = path.join(root, '.cache', 'server');
const manifestFile = path.join(cacheDir, 'server.json');
const bundleFile = path.join(cacheDir, 'server.mjs');

const sha256 = (content) => createHash('sha256').update(content).digest('hex');

/** True when the bundle was made from exactly the sources there are now. */
async function upToDate() {
  try {
    const { inputs } = JSON.parse(await readFile(manifestFile, 'utf8'));
    await access(bundleFile);
    for (const [file, hash] of Object.entries(inputs)) {
      if (sha256(await readFile(path.join(root, file))) !== hash) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** Each module sees its own location, as if it had been imported from its file. */
const ownImportMeta = {
  name: 'own-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return {
        loader: 'ts',
        contents: source
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path))),
      };
    });
  },
};

async function bundle() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [ownImportMeta],
  });
  await esbuild.stop();
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) inputs[file] = sha256(await readFile(path.join(root, file)));
  await mkdir(cacheDir, { recursive: true });
  // Written aside then renamed: a start that stops half-way never leaves a partial bundle behind.
  const suffix = `.${process.pid}.tmp`;
  await writeFile(bundleFile + suffix, result.outputFiles[0].contents);
  await writeFile(manifestFile + suffix, JSON.stringify({ inputs }));
  await rename(bundleFile + suffix, bundleFile);
  await rename(manifestFile + suffix, manifestFile);
}

let ready = await upToDate();
if (!ready) {
  ready = await bundle().then(
    () => true,
    (error) => {
      console.warn(`Démarrage sans fichier compilé (via tsx) : ${error.message}`);
      return false;
    },
  );
}
if (ready) {
  await import(pathToFileURL(bundleFile).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(entry).href);
}
