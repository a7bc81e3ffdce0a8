// Where a heap goes: a V8 heap snapshot (.heapsnapshot) summed by type and constructor, as the
// "Summary" view of Chrome DevTools does with shallow sizes (bench/memory.ts).
import { readFile } from 'node:fs/promises';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export interface HeapGroup {
  /** `object Foo`, `string`, `array`, `code`, `closure`… */
  name: string;
  count: number;
  bytes: number;
}

/** Shallow sizes grouped by node type (and constructor for objects), largest first. */
export async function summarizeHeap(file: string): Promise<{ totalBytes: number; groups: HeapGroup[] }> {
  const data = JSON.parse(await readFile(file, 'utf8')) as Snapshot;
  const fields = data.snapshot.meta.node_fields;
  const types = data.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const groups = new Map<string, HeapGroup>();
  let totalBytes = 0;
  for (let i = 0; i < data.nodes.length; i += width) {
    const type = types[data.nodes[i + typeAt]!] ?? 'unknown';
    const bytes = data.nodes[i + sizeAt]!;
    totalBytes += bytes;
    // Objects by constructor; strings, arrays, code and the rest by type alone.
    const name = type === 'object' || type === 'native' ? `${type} ${data.strings[data.nodes[i + nameAt]!]}` : type;
    const group = groups.get(name) ?? { name, count: 0, bytes: 0 };
    group.count++;
    group.bytes += bytes;
    groups.set(name, group);
  }
  return { totalBytes, groups: [...groups.values()].sort((a, b) => b.bytes - a.bytes) };
}
