import { describe, expect, it } from 'vitest';
import { PdfCache } from '../../../server/certificates/pdf-cache.ts';

const renderer = () => {
  let renders = 0;
  return {
    render: async () => Buffer.from(`pdf ${++renders}`),
    count: () => renders,
  };
};
const valid = (id: string) => ({ id, status: 'valid' as const });

describe('the PDF cache', () => {
  it('renders a certificate once and serves the same bytes again', async () => {
    const cache = new PdfCache();
    const pdf = renderer();
    const first = await cache.get(valid('a'), pdf.render);
    const second = await cache.get(valid('a'), pdf.render);
    expect(second).toBe(first);
    expect(pdf.count()).toBe(1);
  });

  it('renders again once the certificate is revoked or replaced, never serving the valid bytes', async () => {
    const cache = new PdfCache();
    const pdf = renderer();
    const before = await cache.get(valid('a'), pdf.render);
    const revoked = await cache.get({ id: 'a', status: 'revoked' }, pdf.render);
    expect(revoked.equals(before)).toBe(false);
    const replaced = await cache.get({ id: 'b', status: 'replaced' }, pdf.render);
    expect(pdf.count()).toBe(3);
    expect(await cache.get({ id: 'b', status: 'replaced' }, pdf.render)).toBe(replaced);
  });

  it('forgets the oldest certificate when full', async () => {
    const cache = new PdfCache(2);
    const pdf = renderer();
    for (const id of ['a', 'b', 'c']) await cache.get(valid(id), pdf.render);
    await cache.get(valid('c'), pdf.render);
    expect(pdf.count()).toBe(3);
    await cache.get(valid('a'), pdf.render);
    expect(pdf.count()).toBe(4);
  });
});
