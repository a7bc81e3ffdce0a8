import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { openJournalStore } from '../../server/store/journal/open-journal-store.ts';
import { makeTempDir } from './fixtures/collections.ts';
import { CRASH_COMPACT_BYTES, crashCollections } from './fixtures/crash-collections.ts';

const WRITER = path.resolve('tests/store/fixtures/crash-writer.ts');
const ROUNDS = 50;

/** Starts the writer; `acked` receives key → highest version the child reported as acknowledged. */
function startWriter(dir: string, acked: Map<string, number>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', WRITER, dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const closed = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  let stderr = '';
  let pending = '';
  let acks = 0;
  const ready = new Promise<void>((resolve) => {
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready') {
          resolve();
          continue;
        }
        const [key, version] = line.split(' ');
        acked.set(key!, Math.max(acked.get(key!) ?? 0, Number(version)));
        acks++;
      }
    });
  });
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  return { child, ready, closed, stderr: () => stderr, acks: () => acks };
}

describe('crash safety', () => {
  it(`keeps every acknowledged write and never half a transaction across ${ROUNDS} SIGKILLs at random moments`, async () => {
    const { dir, cleanup } = await makeTempDir('crash-');
    const acked = new Map<string, number>();
    let totalAcks = 0;
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const writer = startWriter(dir, acked);
        if (round % 10 === 9) {
          // Now and then, kill it early: while it may still be starting, taking over the lock or opening.
          await sleep(200 + Math.random() * 350);
        } else {
          await Promise.race([writer.ready, writer.closed]);
          await sleep(Math.random() * 250);
        }
        writer.child.kill('SIGKILL');
        const [, signal] = await writer.closed;
        expect(signal, `the writer stopped by itself:\n${writer.stderr()}`).toBe('SIGKILL');
        totalAcks += writer.acks();

        // The killed child's lock is stale (its process has been reaped): reopening takes it over.
        const store = await openJournalStore({
          dir,
          collections: crashCollections,
          schemaVersion: 1,
          compactAfterBytes: CRASH_COMPACT_BYTES,
        });
        try {
          for (const [key, version] of acked) {
            const item = await store.get('items', key);
            expect(item?.version ?? 0, `round ${round}, item ${key}`).toBeGreaterThanOrEqual(version);
          }
          let sum = 0;
          for await (const item of store.all('items')) sum += item.version;
          expect((await store.get('totals', 'all'))?.value ?? 0, `round ${round}: total vs items`).toBe(sum);
        } finally {
          await store.close();
        }
      }
      expect(totalAcks).toBeGreaterThan(ROUNDS * 10);
    } finally {
      await cleanup();
    }
  }, 120_000);
});
