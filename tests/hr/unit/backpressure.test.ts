import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CompletionRow } from '../../../server/hr/completion-row.ts';
import { writeCompletionsCsv } from '../../../server/hr/write-completions-csv.ts';
import { writeCompletionsXlsx } from '../../../server/hr/write-completions-xlsx.ts';
import { makeCompletionRow } from '../make-completion-row.ts';

const total = 20_000;
const row = makeCompletionRow();

/** 20,000 rows made one at a time, counting how many the writer has pulled so far. */
function countedRows(onRow: (produced: number) => void, onClose = () => {}): AsyncGenerator<CompletionRow> {
  return (async function* () {
    try {
      for (let produced = 1; produced <= total; produced += 1) {
        onRow(produced);
        yield row;
      }
    } finally {
      onClose();
    }
  })();
}

/** A consumer that can hold every write until released, like a client that stopped reading. */
function holdingConsumer() {
  const held: Array<() => void> = [];
  let holding = true;
  const stream = new Writable({
    highWaterMark: 4096,
    write(_chunk, _encoding, callback) {
      if (holding) held.push(callback);
      else setImmediate(callback);
    },
  });
  const release = () => {
    holding = false;
    for (const callback of held.splice(0)) callback();
  };
  return { stream, release };
}

/** Waits until `read()` stops changing: the writer has stalled (or finished). */
async function settled(read: () => number): Promise<number> {
  let last = -1;
  let stableTicks = 0;
  while (stableTicks < 5) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = read();
    stableTicks = now === last ? stableTicks + 1 : 0;
    last = now;
  }
  return last;
}

describe('export backpressure', () => {
  it('pulls CSV rows only a bounded number ahead of what a slow consumer has received', async () => {
    let receivedLines = 0;
    let maxLead = 0;
    const consumer = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        // Every record ends with CRLF and this row holds no line break, so LFs count records.
        for (const byte of chunk) if (byte === 0x0a) receivedLines += 1;
        setImmediate(callback);
      },
    });
    const rows = countedRows((produced) => {
      const receivedRows = Math.max(receivedLines - 1, 0);
      maxLead = Math.max(maxLead, produced - receivedRows);
    });
    const count = await writeCompletionsCsv(rows, consumer, 'excel-fr');
    expect(count).toBe(total);
    expect(receivedLines).toBe(total + 1);
    expect(maxLead).toBeLessThan(300);
  });

  // XLSX stalls later: deflate holds up to 16 KB of compressed XML, a few thousand rows, before `out` sees a byte.
  for (const [format, write, bound] of [
    ['CSV', (rows: AsyncIterable<CompletionRow>, out: Writable) => writeCompletionsCsv(rows, out, 'excel-fr'), 500],
    ['XLSX', writeCompletionsXlsx, 3_000],
  ] as const) {
    it(`stops pulling ${format} rows while the consumer stops reading, and finishes once it resumes`, async () => {
      let produced = 0;
      const consumer = holdingConsumer();
      const done = write(
        countedRows((count) => {
          produced = count;
        }),
        consumer.stream,
      );
      const stalledAt = await settled(() => produced);
      expect(stalledAt).toBeLessThan(bound);
      consumer.release();
      expect(await done).toBe(total);
    });

    it(`rejects and closes the ${format} rows when the consumer goes away midway`, async () => {
      let produced = 0;
      let closed = false;
      const consumer = holdingConsumer();
      const done = write(
        countedRows(
          (count) => {
            produced = count;
          },
          () => {
            closed = true;
          },
        ),
        consumer.stream,
      );
      await settled(() => produced);
      consumer.stream.destroy();
      await expect(done).rejects.toThrow();
      expect(closed).toBe(true);
      expect(produced).toBeLessThan(total);
    });
  }
});
