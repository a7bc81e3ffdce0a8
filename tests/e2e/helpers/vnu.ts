import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The default export of the vnu-jar package is the path of vnu.jar (a String object, hence String()). */
export const vnuJarPath = String(createRequire(import.meta.url)('vnu-jar'));

export interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

/** The file a message is about (the checker reports `file:` URLs). */
export const fileOf = (message: NuMessage) => (message.url ? fileURLToPath(message.url) : '');

/**
 * Runs the W3C Nu HTML checker once over many files (the JVM takes seconds to start) and returns its
 * errors. Uses the system's Java (Java 11 or later), never the package's own download.
 */
export function runNuChecker(files: string[]): Promise<NuMessage[]> {
  // A larger stack is the checker's own advice; C1-only compilation starts faster for a short run.
  const args = ['-Xss4m', '-XX:TieredStopAtLevel=1', '-jar', vnuJarPath, '--errors-only', '--format', 'json', ...files];
  return new Promise((resolve, reject) => {
    const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new Error(
              'java introuvable : le validateur HTML a besoin de Java (apt-get install -y default-jre-headless).',
            )
          : error,
      );
    });
    child.on('close', (code) => {
      // The JSON report goes to stderr; exit code 1 only means "errors found".
      const json = out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1);
      try {
        const report = JSON.parse(json) as { messages: NuMessage[] };
        resolve(report.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error'));
      } catch {
        reject(new Error(`the Nu HTML checker failed (exit code ${code}):\n${out}`));
      }
    });
  });
}

/** One readable line per message: file, line, column, message and the offending markup. */
export function formatNuMessage(message: NuMessage): string {
  const where = `${fileOf(message)}:${message.lastLine ?? '?'}:${message.firstColumn ?? '?'}`;
  return `${where} ${message.message}${message.extract ? ` — ${message.extract.replace(/\s+/g, ' ')}` : ''}`;
}
