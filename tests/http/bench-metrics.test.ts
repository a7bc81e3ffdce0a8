import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp | undefined;
afterEach(async () => {
  delete process.env.BENCH_METRICS;
  vi.unstubAllGlobals();
  await t?.close();
  t = undefined;
});

describe('benchmark metrics', () => {
  it('do not exist unless BENCH_METRICS=1 is set', async () => {
    delete process.env.BENCH_METRICS;
    t = await createTestApp();
    await request(t.app).get('/__bench/metrics').expect(404);
    await request(t.app).get('/__bench/cpu').expect(404);
    await t.close();
    process.env.BENCH_METRICS = 'true';
    t = await createTestApp();
    await request(t.app).get('/__bench/metrics').expect(404);
  });

  it('report the event-loop delay and memory of the server process when BENCH_METRICS=1', async () => {
    process.env.BENCH_METRICS = '1';
    t = await createTestApp();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const res = await request(t.app).get('/__bench/metrics?reset=1').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.eventLoopDelayMs.max).toBeGreaterThan(0);
    expect(res.body.memoryMb.rss).toBeGreaterThan(0);
    expect(res.body.memoryMb.maxRss).toBeGreaterThanOrEqual(res.body.memoryMb.rss * 0.9);
  });

  it('collect garbage before reading memory only when asked with ?gc=1, and say whether it could', async () => {
    process.env.BENCH_METRICS = '1';
    t = await createTestApp();
    const gc = vi.fn();
    vi.stubGlobal('gc', gc);
    expect((await request(t.app).get('/__bench/metrics').expect(200)).body.collected).toBe(false);
    expect(gc).not.toHaveBeenCalled();
    expect((await request(t.app).get('/__bench/metrics?gc=1').expect(200)).body.collected).toBe(true);
    expect(gc).toHaveBeenCalledTimes(1);
    vi.stubGlobal('gc', undefined);
    expect((await request(t.app).get('/__bench/metrics?gc=1').expect(200)).body.collected).toBe(false);
  });

  it('report the CPU time the server process has used, growing with the work it does', async () => {
    process.env.BENCH_METRICS = '1';
    t = await createTestApp();
    const before = (await request(t.app).get('/__bench/cpu').expect(200)).body as NodeJS.CpuUsage;
    for (let i = 0; i < 20; i++) await request(t.app).get('/courses').expect(200);
    const after = (await request(t.app).get('/__bench/cpu').expect(200)).body as NodeJS.CpuUsage;
    expect(after.user + after.system).toBeGreaterThan(before.user + before.system);
  });

  it('give the CPU time alone with BENCH_METRICS=cpu, without the sampling of the other metrics', async () => {
    process.env.BENCH_METRICS = 'cpu';
    t = await createTestApp();
    await request(t.app).get('/__bench/metrics').expect(404);
    const res = await request(t.app).get('/__bench/cpu').expect(200);
    expect(res.body.user).toBeGreaterThan(0);
  });
});
