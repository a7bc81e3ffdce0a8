// The shape the code keeps (docs/architecture.md): small files, no import cycle between folders of
// server/, and domain code that knows nothing of HTTP. Each rule prints what breaks it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const serverDir = path.resolve(import.meta.dirname, '../../server');

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listTs(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const files = listTs(serverDir);
const rel = (file: string) => path.relative(serverDir, file);
/** A folder under server/ is one node; a file at the root (main, app, config…) is a node of its own. */
const nodeOf = (file: string) => rel(file).split(path.sep)[0] as string;

const importPattern = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = nodeOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
      const target = path.resolve(path.dirname(file), (match[1] ?? match[2]) as string);
      if (!target.startsWith(serverDir + path.sep)) continue;
      const to = nodeOf(target);
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Tarjan's strongly connected components; any with two or more nodes is a cycle. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indexOf.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) as number, indexOf.get(next) as number));
    }
    if (low.get(node) === indexOf.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indexOf.has(node)) visit(node);
  return found;
}

describe('the layout of server/', () => {
  it('keeps every file under 300 lines', () => {
    const long = files
      .map((file) => [rel(file), readFileSync(file, 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 300);
    expect(long).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    expect(cycles(folderGraph())).toEqual([]);
  });

  it('keeps HTTP out of use cases: only routes, http/ and the app set statuses', () => {
    const http = /\bres\.status\(|\bstatus\s*:\s*[45]\d\d\b|new HttpError\(/;
    const offenders = files
      .map(rel)
      .filter((file) => !/(^|\/)(routes|[\w-]+-routes)\.ts$|^http\/|^app\.ts$|\/routes\//.test(file))
      .filter((file) => http.test(readFileSync(path.join(serverDir, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
