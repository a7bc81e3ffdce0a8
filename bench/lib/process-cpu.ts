import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';

/**
 * CPU seconds used so far by another process (user + system), from /proc on Linux; elsewhere it
 * always answers 0 and the CPU figures are left out. `withChildren`: plus its children that have ended
 * (a compiler it ran, say).
 */
export function processCpu(pid: number, withChildren = false): () => Promise<number> {
  const ticks = 100; // USER_HZ, 100 on every Linux this runs on
  return async () => {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
    if (!stat || os.platform() !== 'linux') return 0;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const children = withChildren ? Number(fields[13]) + Number(fields[14]) : 0;
    return (Number(fields[11]) + Number(fields[12]) + children) / ticks;
  };
}

/** CPU seconds used so far by every PostgreSQL process of this machine (server and backends), from /proc. */
export async function postgresCpuSeconds(): Promise<number> {
  let total = 0;
  for (const pid of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    const comm = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '');
    if (comm.trim() === 'postgres') total += await processCpu(Number(pid))();
  }
  return total;
}
