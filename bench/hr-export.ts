// Part 5 — HR export of 100,000 rows (npm run bench:export-figures).
// Runs the export benchmark (bench/export.ts, also `npm run bench:export`) in its own process and reads
// its figures: time and memory growth of the CSV and XLSX writers streaming 100k rows to a file.
import { type Figure, mb, runPart } from './lib/figures.ts';
import { runScript } from './lib/run-script.ts';

// The brief sets no time target: time is reported. Memory must not grow with the number of rows: the
// budget bench/export.ts itself checks.
const targets = { heapMb: 100, xlsxSeconds: 3 };

await runPart(async () => {
  const { code, output } = await runScript('bench/export.ts');
  const parse = (label: string) => {
    const match = new RegExp(
      `^${label}\\s+rows (\\d+)\\s+time ([\\d.]+) s\\s+cpu ([\\d.]+) s\\s+size ([\\d.]+) MB\\s+peak RSS \\+([\\d.-]+) MB\\s+peak heap \\+([\\d.-]+) MB`,
      'm',
    ).exec(output);
    if (!match) throw new Error(`bench/export.ts printed no ${label} figure (exit code ${code}):\n${output}`);
    const [, rows, seconds, cpu, size, rss, heap] = match.map(Number);
    return { rows: rows!, seconds: seconds!, cpu: cpu!, size: size!, rss: rss!, heap: heap! };
  };
  const results = [
    { name: 'CSV', ...parse('CSV excel-fr') },
    { name: 'XLSX', ...parse('XLSX') },
  ];
  const figures: Figure[] = results.flatMap((r) => [
    {
      part: '5',
      name: `${r.name} export of 100k rows, time`,
      value: `${r.seconds.toFixed(2)} s (CPU ${r.cpu.toFixed(2)} s)`,
      target: r.name === 'XLSX' ? `≤ ${targets.xlsxSeconds} s` : '',
      holds: r.name === 'XLSX' ? r.seconds <= targets.xlsxSeconds : undefined,
    },
    {
      part: '5',
      name: `${r.name} export, peak memory growth (heap / RSS)`,
      value: `${mb(r.heap)} / ${mb(r.rss)}`,
      target: `heap < ${targets.heapMb} MB`,
      holds: r.heap < targets.heapMb && r.rows === 100_000,
    },
  ]);
  return {
    part: '5',
    title: 'Part 5 — HR export of 100,000 rows',
    figures,
    details: [
      '`bench/export.ts`: 100,000 synthetic completion rows streamed by the app’s CSV (French Excel: BOM, `;`, CRLF) and XLSX (the project’s streaming writer on yazl) writers into files; memory sampled every 50 ms against a baseline taken after a forced GC.',
      ...results.map(
        (r) =>
          `${r.name}: ${r.rows.toLocaleString('en-US')} rows, ${r.size.toFixed(1)} MB in ${r.seconds.toFixed(2)} s.`,
      ),
      `Judged: heap growth < ${targets.heapMb} MB with all 100,000 rows written (the export streams; memory must not grow with the rows). Time is reported for both formats.`,
    ],
  };
});
