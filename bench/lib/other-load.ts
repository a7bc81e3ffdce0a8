import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';

const ticksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on

/** Busy CPU time of the whole machine so far (every state but idle and iowait), in seconds. */
async function machineBusy(): Promise<number> {
  const stat = await readFile('/proc/stat', 'utf8');
  const [, ...fields] = (stat.split('\n')[0] ?? '').trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number) as number[];
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / ticksPerSecond;
}

/**
 * CPU time of this benchmark's own processes (this one, every live descendant, and the descendants that
 * already exited and were reaped, which the kernel adds to their parent's `cutime`), in seconds.
 */
async function ownBusy(): Promise<number> {
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => undefined);
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = fields.slice(11, 15).reduce((sum, v) => sum + Number(v), 0) / ticksPerSecond;
    stats.set(Number(name), { ppid: Number(fields[1]), cpu });
  }
  const ours = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, { ppid }] of stats) {
      if (!ours.has(pid) && ours.has(ppid)) {
        ours.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of ours) total += stats.get(pid)?.cpu ?? 0;
  return total;
}

export interface OtherLoad {
  /** CPU used by other processes of the machine during the window, in cores (1 = one core all along). */
  cores: number;
  /** More than `disturbedCores`: figures from this window are marked disturbed and not judged. */
  disturbed: boolean;
}

/**
 * How much CPU the rest of the machine used while a slice ran: what the whole machine spent minus what
 * this benchmark's processes (servers, load generators) spent. On a shared machine this says which slices
 * ran alone (quiet) and which competed for the cores. Linux only; elsewhere every slice counts as quiet.
 */
export async function otherLoad(disturbedCores = 0.15): Promise<() => Promise<OtherLoad>> {
  if (os.platform() !== 'linux') return async () => ({ cores: 0, disturbed: false });
  const started = performance.now();
  const [machine, own] = [await machineBusy(), await ownBusy()];
  return async () => {
    const seconds = (performance.now() - started) / 1000;
    const other = (await machineBusy()) - machine - ((await ownBusy()) - own);
    const cores = Math.max(0, other / seconds);
    return { cores, disturbed: cores > disturbedCores };
  };
}
