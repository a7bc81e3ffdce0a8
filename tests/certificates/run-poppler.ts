import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Runs a poppler-utils tool; a missing tool fails the test with the fix rather than skipping it. */
export async function runPoppler(
  tool: 'pdfinfo' | 'pdffonts' | 'pdftotext' | 'pdftoppm' | 'pdfimages',
  args: string[],
): Promise<string> {
  try {
    const { stdout } = await execFileAsync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `${tool} was not found: the certificate tests need poppler-utils ` +
          '(Debian/Ubuntu: sudo apt-get install -y poppler-utils; CI installs it).',
      );
    }
    throw error;
  }
}

/**
 * poppler-utils is a system package: on a newcomer's machine without it, the tests that read PDFs are
 * skipped with a message so `npm test` stays green; CI sets REQUIRE_TEST_TOOLS=1 and they must run.
 */
export const skipWithoutPoppler = (() => {
  const present = spawnSync('pdftotext', ['-v']).error === undefined;
  if (present || process.env.REQUIRE_TEST_TOOLS === '1') return false;
  console.warn(
    'Tests PDF ignorés : pdftotext introuvable. Installez poppler-utils (apt-get install -y poppler-utils).',
  );
  return true;
})();
