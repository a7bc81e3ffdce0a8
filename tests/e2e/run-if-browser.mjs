// `npm test` runs the browser journeys after the unit tests when Chromium is installed. Without it
// they are skipped with a message, unless E2E_REQUIRED=1 (CI), where a missing browser is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const required = process.env.E2E_REQUIRED === '1';

if (!existsSync(chromium)) {
  const missing = `Chromium introuvable (${chromium}). Installez-le avec apt-get install -y chromium.`;
  if (required) {
    console.error(`Tests navigateur impossibles : ${missing} (E2E_REQUIRED=1 : ils sont obligatoires ici.)`);
    process.exit(1);
  }
  console.warn(`Tests navigateur ignorés : ${missing}`);
  process.exit(0);
}

const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', '-c', 'vitest.e2e.config.ts'], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
