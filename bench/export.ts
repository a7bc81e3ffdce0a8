import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CompletionRow } from '../server/hr/completion-row.ts';
import { writeCompletionsCsv } from '../server/hr/write-completions-csv.ts';
import { writeCompletionsXlsx } from '../server/hr/write-completions-xlsx.ts';

// Exports 100,000 synthetic rows to CSV and XLSX files and checks that memory does not grow with them.
// Usage: npm run bench:export (add --keep to keep the files, --compare to time exceljs's streaming writer too).

const rowCount = 100_000;
const heapBudgetMb = 100;
const sampleEveryMs = 50;

// npm scripts cannot pass --expose-gc to tsx: enabling it here gives each run the same clean baseline.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const firstNames = ['Zoé', 'Mathéo', 'Anaïs', 'Noël', 'Léa', 'François', 'Chloé', 'Jérôme', 'Inès', 'Aurélien'];
const lastNames = ['Lefèvre', 'Dubois', 'Ngô', 'Östergård', "O'Neil", 'Martin-Péré', 'Durand; fils', 'Bernard'];
const structures = ['Association Élan', 'Régie de quartier "Les Lilas"', 'SCOP Équinoxe', 'Mutuelle Entraide'];
const courses = ['Culture numérique', 'Accueil du public', 'Gestes et postures', 'RGPD : les bases'];
const statuses = ['not_started', 'in_progress', 'completed', 'revoked'] as const;

/** Rows made one at a time, as a store cursor would yield them: nothing is kept in an array. */
async function* syntheticRows(count: number): AsyncGenerator<CompletionRow> {
  const start = Date.UTC(2026, 0, 5, 8);
  for (let index = 0; index < count; index += 1) {
    const status = statuses[index % statuses.length]!;
    const first = firstNames[index % firstNames.length]!;
    const last = lastNames[(index * 7) % lastNames.length]!;
    const startedAt = status === 'not_started' ? null : new Date(start + (index % 300) * 86_400_000);
    const finished = status === 'completed' || status === 'revoked';
    yield {
      // Now and then a name a spreadsheet would run as a formula.
      name: index % 997 === 0 ? '=HYPERLINK("http://x","clic")' : `${first} ${last} ${index}`,
      email: `apprenant.${index}@example.org`,
      matricule: index % 5 === 0 ? null : `M-${String(index).padStart(6, '0')}`,
      structure: structures[index % structures.length]!,
      course: courses[(index >> 2) % courses.length]!,
      courseVersion: 1 + (index % 3),
      status,
      dueDate: index % 4 === 0 ? '2026-06-30' : null,
      startedAt,
      completedAt: finished && startedAt ? new Date(startedAt.getTime() + 3 * 86_400_000 + 5_400_000) : null,
      measuredMinutes: (index * 13) % 600,
      declaredMinutes: 90 + (index % 4) * 30,
      finalScore: finished ? (index * 37) % 101 : null,
      certificateCode: finished ? `C${index.toString(36).toUpperCase().padStart(8, '0')}` : null,
      certificateStatus: status === 'completed' ? 'valid' : status === 'revoked' ? 'revoked' : null,
    };
  }
}

type Measure = {
  rows: number;
  seconds: number;
  /** CPU time of this process (user + system) while writing: holds when other work slows the machine. */
  cpuSeconds: number;
  bytes: number;
  peakRssMb: number;
  peakHeapMb: number;
};

async function measure(path: string, write: (out: NodeJS.WritableStream) => Promise<number>): Promise<Measure> {
  gc();
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    peakRss = Math.max(peakRss, rss);
    peakHeap = Math.max(peakHeap, heapUsed);
  };
  const sampler = setInterval(sample, sampleEveryMs);
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    const rows = await write(createWriteStream(path));
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    sample();
    const megabytes = (bytes: number) => bytes / 1024 / 1024;
    return {
      rows,
      seconds,
      cpuSeconds: (used.user + used.system) / 1e6,
      bytes: (await stat(path)).size,
      peakRssMb: megabytes(peakRss - baseline.rss),
      peakHeapMb: megabytes(peakHeap - baseline.heapUsed),
    };
  } finally {
    clearInterval(sampler);
  }
}

function report(label: string, { rows, seconds, cpuSeconds, bytes, peakRssMb, peakHeapMb }: Measure): void {
  console.log(
    `${label.padEnd(13)} rows ${rows}  time ${seconds.toFixed(2)} s  cpu ${cpuSeconds.toFixed(2)} s  size ${(bytes / 1024 / 1024).toFixed(1)} MB  ` +
      `peak RSS +${peakRssMb.toFixed(1)} MB  peak heap +${peakHeapMb.toFixed(1)} MB`,
  );
}

const dir = await mkdtemp(join(tmpdir(), 'passerelle-bench-export-'));
const results: Array<[string, Measure]> = [
  [
    'CSV excel-fr',
    await measure(join(dir, 'realisations.csv'), (out) =>
      writeCompletionsCsv(syntheticRows(rowCount), out, 'excel-fr'),
    ),
  ],
  ['XLSX', await measure(join(dir, 'realisations.xlsx'), (out) => writeCompletionsXlsx(syntheticRows(rowCount), out))],
];
if (process.argv.includes('--compare')) {
  const { writeCompletionsExceljs } = await import('./lib/exceljs-completions.ts');
  results.push([
    'XLSX exceljs',
    await measure(join(dir, 'exceljs.xlsx'), (out) => writeCompletionsExceljs(syntheticRows(rowCount), out)),
  ]);
}
for (const [label, result] of results) report(label, result);

const worst = Math.max(...results.map(([, result]) => result.peakHeapMb));
const bounded = worst < heapBudgetMb && results.every(([, result]) => result.rows === rowCount);
console.log(
  bounded
    ? `verdict: memory stayed bounded (peak heap growth ${worst.toFixed(1)} MB < ${heapBudgetMb} MB for ${rowCount} rows)`
    : `verdict: memory NOT bounded or export incomplete (peak heap growth ${worst.toFixed(1)} MB, budget ${heapBudgetMb} MB)`,
);

if (process.argv.includes('--keep')) console.log(`files kept in ${dir}`);
else await rm(dir, { recursive: true, force: true });
if (!bounded) process.exitCode = 1;
