import { isMap, isScalar, type Node, parseDocument, stringify } from 'yaml';
import { FrontMatterUnreadableError } from './errors.ts';

interface FrontMatterText {
  yaml: string;
  /** Offset of the YAML text in the source. */
  start: number;
}

function frontMatterOf(source: string): FrontMatterText | undefined {
  const lines = source.split('\n');
  if (lines[0]?.trim() !== '---') return undefined;
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end === -1) return undefined;
  return { yaml: lines.slice(1, end).join('\n'), start: lines[0].length + 1 };
}

/** Reads one top-level field of a Markdown file's front matter; undefined when absent or unreadable. */
export function getFrontMatterField(source: string, key: string): unknown {
  const front = frontMatterOf(source.replace(/\r\n?/g, '\n'));
  if (!front) return undefined;
  const doc = parseDocument(front.yaml, { uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  return (doc.toJS() as Record<string, unknown>)[key];
}

/**
 * Sets one top-level field by rewriting only the characters of its value (located with the yaml Document
 * API), so the trainer's comments, order and layout survive. A missing field is appended.
 */
export function setFrontMatterField(source: string, key: string, value: string | number): string {
  const text = source.replace(/\r\n?/g, '\n');
  const front = frontMatterOf(text);
  const doc = front ? parseDocument(front.yaml) : undefined;
  if (!front || !doc || doc.errors.length > 0 || !(isMap(doc.contents) || doc.contents === null)) {
    throw new FrontMatterUnreadableError();
  }
  const serialized = typeof value === 'number' ? String(value) : stringify(value, { lineWidth: 0 }).trimEnd();
  const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
  const range = (pair?.value as Node | null | undefined)?.range;
  let yaml: string;
  if (range) {
    // An empty value (`titre:`) has an empty range right after the colon.
    const gap = front.yaml[range[0] - 1] === ':' ? ' ' : '';
    yaml = front.yaml.slice(0, range[0]) + gap + serialized + front.yaml.slice(range[1]);
  } else if (pair) {
    // `key:` with no value: the value goes right after the colon.
    const keyEnd = (pair.key as Node).range![1];
    const colon = front.yaml.indexOf(':', keyEnd);
    yaml = `${front.yaml.slice(0, colon + 1)} ${serialized}${front.yaml.slice(colon + 1)}`;
  } else {
    yaml = `${front.yaml.replace(/\n*$/, '')}${front.yaml.trim() ? '\n' : ''}${key}: ${serialized}`;
  }
  return text.slice(0, front.start) + yaml + text.slice(front.start + front.yaml.length);
}
