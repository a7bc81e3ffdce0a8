// Summarises a V8 CPU profile (.cpuprofile, from `BENCH_PROFILE=1 npm run bench:page` or node --cpu-prof):
// the functions with the most self time, and the most inclusive time grouped by file.
// Percentages are of the busy (non-idle) time; --from/--to keep only samples in that window (seconds
// since the profile started), e.g. to leave start-up out.
// --long-tasks 50 lists the stretches where the thread ran without a break for 50 ms or more (what the
// event-loop delay measures), with the functions that took most of each.
// Usage: tsx bench/profile-top.ts <file.cpuprofile> [--top 25] [--filter text] [--from s] [--to s] [--long-tasks ms]
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '25' },
    filter: { type: 'string' },
    from: { type: 'string', default: '0' },
    to: { type: 'string', default: 'Infinity' },
    'long-tasks': { type: 'string' },
  },
});
const profile = JSON.parse(await readFile(positionals[0]!, 'utf8')) as Profile;
const top = Number(values.top);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const selfTime = new Map<number, number>();
const [from, to] = [Number(values.from) * 1e6, Number(values.to) * 1e6];
let clock = 0;
let idle = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  clock += delta;
  if (clock < from || clock > to) return;
  if (byId.get(id)!.callFrame.functionName === '(idle)') idle += delta;
  else selfTime.set(id, (selfTime.get(id) ?? 0) + delta);
});
const total = [...selfTime.values()].reduce((a, b) => a + b, 0);
const short = (url: string) =>
  url.replace(/^.*\/node_modules\//, '~/').replace(/^file:\/\/.*?\/(server|bench|views)\//, '$1/');
const label = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, time] of selfTime) {
  const node = byId.get(id)!;
  self.set(label(node), (self.get(label(node)) ?? 0) + time);
  // Inclusive time per function: count each distinct function once per sample stack.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const key = label(byId.get(at)!);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + time);
  }
}
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  const rows = [...map].filter(([k]) => !values.filter || k.includes(values.filter)).sort((a, b) => b[1] - a[1]);
  for (const [key, time] of rows.slice(0, top)) {
    console.log(
      `${((time / total) * 100).toFixed(1).padStart(5)} %  ${(time / 1000).toFixed(0).padStart(6)} ms  ${key}`,
    );
  }
};
console.log(`${(total / 1e6).toFixed(1)} s busy, ${(idle / 1e6).toFixed(1)} s idle in the window`);
print('self time', self);
print('inclusive time', inclusive);

if (values['long-tasks']) {
  const threshold = Number(values['long-tasks']) * 1000;
  console.log(`\nstretches busy for ≥ ${values['long-tasks']} ms without idle time`);
  let start = 0;
  let busy = 0;
  let at = 0;
  let inside = new Map<string, number>();
  const flush = () => {
    if (busy >= threshold) {
      const top3 = [...inside]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([k, t]) => `${(t / 1000).toFixed(0)} ms ${k}`);
      console.log(`at ${(start / 1e6).toFixed(2)} s: ${(busy / 1000).toFixed(0)} ms — ${top3.join(' | ')}`);
    }
    busy = 0;
    inside = new Map();
  };
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') {
      flush();
      return;
    }
    if (busy === 0) start = at;
    busy += delta;
    // Attribute to the deepest frame of the app or a package that is not Node's own plumbing.
    let frame: number | undefined = id;
    let key = label(node);
    for (; frame !== undefined; frame = parent.get(frame)) {
      const url = byId.get(frame)!.callFrame.url;
      if (/server\/|node_modules|views\//.test(url)) {
        key = label(byId.get(frame)!);
        break;
      }
    }
    inside.set(key, (inside.get(key) ?? 0) + delta);
  });
  flush();
}
