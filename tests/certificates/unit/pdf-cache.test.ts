import { describe, expect, it } from 'vitest';
import { PdfCache } from '../../../server/certificates/pdf-cache.ts';

const renderer = () => {
  let renders = 0;
  return {
    render: async () => Buffer.from(`pdf ${++renders}`),
    count: () => renders,
  };
};

describe('the PDF cache', () => {
  it('renders a certificate once and serves the same bytes again', async () => {
    const cache = new PdfCache();
    const pdf = renderer();
    const first = await cache.get({ id: 'a' }, pdf.render);
    const second = await cache.get({ id: 'a' }, pdf.render);
    expect(second).toBe(first);
    expect(pdf.count()).toBe(1);
  });

  it('forgets the oldest certificate when full', async () => {
    const cache = new PdfCache(2);
    const pdf = renderer();
    for (const id of ['a', 'b', 'c']) await cache.get({ id }, pdf.render);
    await cache.get({ id: 'c' }, pdf.render);
    expect(pdf.count()).toBe(3);
    await cache.get({ id: 'a' }, pdf.render);
    expect(pdf.count()).toBe(4);
  });
});
