import http from 'node:http';
import type { Socket } from 'node:net';

const seen = new WeakSet<Socket>();

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  bytes: number;
  ms: number;
}

/**
 * One learner's browser, reduced to what the benchmarks need: its own keep-alive connection (one socket,
 * like a browser tab reusing its connection) and its cookies.
 */
export class Browser {
  readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  readonly cookies = new Map<string, string>();
  /** TCP connections this browser opened. */
  connections = 0;

  constructor(readonly base: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** `form`: fields as an object, or as name/value pairs when a name repeats (checkboxes). */
  request(method: 'GET' | 'POST', path: string, form?: Record<string, string> | [string, string][]): Promise<Reply> {
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const headers: http.OutgoingHttpHeaders = { accept: 'text/html' };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader;
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = Buffer.byteLength(body);
    }
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request(`${this.base}${path}`, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          for (const line of res.headers['set-cookie'] ?? []) {
            const [pair] = line.split(';');
            const eq = pair!.indexOf('=');
            const name = pair!.slice(0, eq).trim();
            const value = pair!.slice(eq + 1).trim();
            if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
            else this.cookies.set(name, value);
          }
          const buffer = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: buffer.toString('utf8'),
            bytes: buffer.length,
            ms: performance.now() - started,
          });
        });
      });
      req.once('socket', (socket) => {
        if (!seen.has(socket)) {
          seen.add(socket);
          this.connections++;
        }
      });
      req.setTimeout(10_000, () => req.destroy(new Error('timeout after 10 s')));
      req.on('error', reject);
      req.end(body);
    });
  }

  /**
   * A GET whose body is handed to `onChunk` as it arrives and not kept (a large download); resolves once it
   * has all arrived, with its size.
   */
  download(
    path: string,
    onChunk: (chunk: Buffer, headers: http.IncomingHttpHeaders) => void,
  ): Promise<Omit<Reply, 'body'>> {
    const headers: http.OutgoingHttpHeaders = this.cookies.size > 0 ? { cookie: this.cookieHeader } : {};
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request(`${this.base}${path}`, { headers, agent: this.agent }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          onChunk(chunk, res.headers);
        });
        res.on('error', reject);
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, ms: performance.now() - started }),
        );
      });
      req.on('error', reject);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export function csrfOf(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
}

/** A browser signed in with a password (the form's CSRF token first); `next` is where the sign-in leads. */
export async function signedIn(base: string, email: string, password: string, next = '/'): Promise<Browser> {
  const browser = new Browser(base);
  const form = await browser.request('GET', '/login');
  const res = await browser.request('POST', '/login', { _csrf: csrfOf(form.body) ?? '', email, password, next });
  if (res.status !== 303) throw new Error(`sign-in of ${email} answered ${res.status}`);
  return browser;
}
