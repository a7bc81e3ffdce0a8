import type { Certificate } from './schema.ts';

/**
 * Rendered PDFs by certificate, the most recent `max`: a PDF is deterministic and costs ~100 ms of CPU
 * to render. The oldest entry goes first when full. The key holds the status, since a revoked or
 * replaced certificate prints differently: a status change is never served the old bytes.
 */
export class PdfCache {
  private readonly entries = new Map<string, Buffer>();
  constructor(private readonly max = 100) {}

  async get(certificate: Pick<Certificate, 'id' | 'status'>, render: () => Promise<Buffer>): Promise<Buffer> {
    const key = `${certificate.id} ${certificate.status}`;
    const hit = this.entries.get(key);
    if (hit) return hit;
    const pdf = await render();
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, pdf);
    return pdf;
  }
}
