// Part 3 — durable saves vs store size (npm run bench:saves).
// Runs the store's own benchmark (bench/store.ts, also `npm run bench:store`) in its own process and
// reads its figures: acknowledged (fsynced) saves per second at 1k and 100k progress rows, measured in
// interleaved slices, with the production compaction policy; the ratio is judged.
import { type Figure, int, ms, runPart } from './lib/figures.ts';
import { runScript } from './lib/run-script.ts';

const targetRatio = 0.5;

await runPart(async () => {
  const { code, output } = await runScript('bench/store.ts');
  const defaults = output.split(/\n(?=stress:)/)[0] ?? '';
  const row = (rows: number) => {
    const match = new RegExp(
      `^\\s*${rows} rows:\\s+(\\d+) durable saves/s\\s+p50 ([\\d.]+) ms\\s+p99 ([\\d.]+) ms.*\\((\\d+) saves, (\\d+) compactions, event loop max delay ([\\d.]+) ms\\)`,
      'm',
    ).exec(defaults);
    if (!match) throw new Error(`bench/store.ts printed no figure for ${rows} rows (exit code ${code}):\n${output}`);
    const [, perSecond, p50, p99, saves, compactions, loop] = match.map(Number);
    return { perSecond: perSecond!, p50: p50!, p99: p99!, saves: saves!, compactions: compactions!, loop: loop! };
  };
  const small = row(1000);
  const large = row(100000);
  const ratio = large.perSecond / small.perSecond;
  const stress = /stress: (.*)\n([\s\S]*?)ratio 100k\/1k: ([\d.]+)/.exec(output);
  const figures: Figure[] = [
    { part: '3', name: 'durable saves/s at 1k rows', value: int(small.perSecond), target: '', holds: undefined },
    { part: '3', name: 'durable saves/s at 100k rows', value: int(large.perSecond), target: '', holds: undefined },
    {
      part: '3',
      name: 'durable saves, 100k / 1k rows',
      value: ratio.toFixed(2),
      target: `≥ ${targetRatio}`,
      holds: ratio >= targetRatio,
    },
  ];
  return {
    part: '3',
    title: 'Part 3 — durable saves vs store size',
    figures,
    details: [
      `\`bench/store.ts\` (64 concurrent writers, single-row read-modify-write transactions, each acknowledged after fdatasync; 6 s per size in 4 interleaved slices), production compaction policy.`,
      `1k rows: ${int(small.saves)} saves, p50 ${ms(small.p50)}, p99 ${ms(small.p99)}, ${small.compactions} compactions; 100k rows: ${int(large.saves)} saves, p50 ${ms(large.p50)}, p99 ${ms(large.p99)}, ${large.compactions} compactions.`,
      stress
        ? `Stress setting (${stress[1]}): ratio ${stress[3]} — not judged, it rewrites the whole snapshot every 2 MiB of journal (see docs/decisions/002-durable-store-journal.md).`
        : 'Stress setting: not printed.',
    ],
  };
});
