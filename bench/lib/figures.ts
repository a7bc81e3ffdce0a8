import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

/** One measured figure, with the target it is judged against (if any) and whether it holds. */
export interface Figure {
  part: string;
  name: string;
  value: string;
  target: string;
  /** undefined: reported for information, no target. */
  holds: boolean | undefined;
}

/** What a part hands to `npm run bench`: its figures and a few lines of detail for RESULTS.md. */
export interface PartResult {
  part: string;
  title: string;
  figures: Figure[];
  details: string[];
  seconds: number;
}

export const verdict = (holds: boolean | undefined) => (holds === undefined ? '—' : holds ? 'yes' : 'NO');

export function printFigures(figures: Figure[]): void {
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) {
    const target = f.target ? `  target ${f.target}` : '';
    const mark = f.holds === undefined ? '' : f.holds ? '  ✓ holds' : '  ✗ MISSES';
    console.log(`  ${f.name.padEnd(width)}  ${f.value}${target}${mark}`);
  }
}

/**
 * Runs a part from its own script: prints its figures, writes them as JSON when `--json <file>` is given
 * (that is how `npm run bench` collects them) and sets the exit code when a target misses.
 */
export async function runPart(run: () => Promise<Omit<PartResult, 'seconds'>>): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'string' } }, strict: false });
  const started = performance.now();
  const result: PartResult = { ...(await run()), seconds: (performance.now() - started) / 1000 };
  console.log(`\n${result.title} — ${result.seconds.toFixed(0)} s`);
  printFigures(result.figures);
  for (const line of result.details) console.log(`  · ${line.replaceAll('`', '')}`);
  if (typeof values.json === 'string') await writeFile(values.json, JSON.stringify(result));
  if (result.figures.some((f) => f.holds === false)) process.exitCode = 1;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(values: number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 };
}

export const ms = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
export const mb = (value: number) => `${value.toFixed(0)} MB`;
export const int = (value: number) => Math.round(value).toLocaleString('en-US');
