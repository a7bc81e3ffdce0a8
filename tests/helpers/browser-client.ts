// A small browser for flows across two real servers (Passerelle and an identity provider): follows
// redirects by hand, keeps cookies per host like a browser does, and submits forms found in pages.

export interface Page {
  url: URL;
  status: number;
  text: string;
  /** The address of the last redirect when the walk stopped before following it. */
  location?: URL;
}

export class BrowserClient {
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  /** Requests `url`, following redirects until a page, or until `stopBefore` says the next hop must wait. */
  async go(
    url: string | URL,
    init: { method?: string; form?: Record<string, string>; stopBefore?: (next: URL) => boolean } = {},
  ): Promise<Page> {
    let target = new URL(url);
    let method = init.method ?? (init.form ? 'POST' : 'GET');
    let body: string | undefined = init.form ? new URLSearchParams(init.form).toString() : undefined;
    for (let hops = 0; hops < 20; hops += 1) {
      const headers: Record<string, string> = { cookie: this.cookieHeader(target) };
      if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
      const res = await fetch(target, { method, headers, body, redirect: 'manual' });
      this.store(target, res.headers.getSetCookie());
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        const next = new URL(location, target);
        await res.arrayBuffer();
        if (init.stopBefore?.(next)) return { url: target, status: res.status, text: '', location: next };
        target = next;
        method = 'GET';
        body = undefined;
        continue;
      }
      return { url: target, status: res.status, text: await res.text() };
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** Submits the page's first form (or the one whose action contains `actionPart`) with extra fields. */
  submit(page: Page, fields: Record<string, string> = {}, actionPart = '') {
    const forms = [...page.text.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)];
    const form = forms.find((f) => attribute(f[1]!, 'action')?.includes(actionPart));
    if (!form) throw new Error(`no form${actionPart ? ` to ${actionPart}` : ''} in ${page.url}:\n${page.text}`);
    const values: Record<string, string> = {};
    for (const input of form[2]!.matchAll(/<input\b([^>]*)>/g)) {
      const name = attribute(input[1]!, 'name');
      if (name) values[name] = decode(attribute(input[1]!, 'value') ?? '');
    }
    const action = new URL(decode(attribute(form[1]!, 'action') ?? ''), page.url);
    return this.go(action, { form: { ...values, ...fields } });
  }

  private cookieHeader(url: URL): string {
    return [...(this.jar.get(url.hostname) ?? new Map())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private store(url: URL, setCookies: string[]): void {
    const cookies = this.jar.get(url.hostname) ?? new Map<string, string>();
    this.jar.set(url.hostname, cookies);
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [key, val] = a.trim().split('=');
        if (key?.toLowerCase() === 'max-age') return Number(val) <= 0;
        if (key?.toLowerCase() === 'expires') return Date.parse(val ?? '') <= Date.now();
        return false;
      });
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
  }
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

const decode = (html: string) =>
  html
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
