import type { Node } from 'yaml';
import type { z } from 'zod';
import type { IssueList } from './course-issue.ts';
import { describeYamlError } from './describe-yaml-error.ts';
import { describeZodIssue } from './describe-zod-issue.ts';
import { formatNumberFr } from './format-number-fr.ts';
import { limits } from './limits.ts';
import { parsePlainYaml, yaml } from './parse-plain-yaml.ts';

export interface FrontMatterResult<T> {
  /** Undefined when the front matter is missing or invalid; the issues say why. */
  data: T | undefined;
  body: string;
  /** 1-based line number of the body's first line in the file. */
  bodyLine: number;
}

/**
 * Splits `---` front matter from a Markdown file, parses it as YAML (plain data only: the yaml package
 * never runs code, unlike gray-matter) and validates it, reporting every problem at its own line.
 */
export function parseFrontMatter<S extends z.ZodType>(
  source: string,
  schema: S,
  issues: IssueList,
): FrontMatterResult<z.output<S>> {
  const lines = source.split('\n');
  if (lines[0]?.trim() !== '---') {
    issues.add(1, 'l’en-tête est absent : le fichier doit commencer par une ligne « --- », les champs, puis « --- ».');
    return { data: undefined, body: source, bodyLine: 1 };
  }
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end === -1) {
    issues.add(1, 'l’en-tête n’est pas fermé : ajoutez une ligne « --- » après le dernier champ.');
    return { data: undefined, body: '', bodyLine: lines.length + 1 };
  }
  const yamlText = lines.slice(1, end).join('\n');
  const body = lines.slice(end + 1).join('\n');
  const bodyLine = end + 2;
  if (yamlText.length > limits.frontMatterChars) {
    issues.add(
      1,
      `en-tête trop long (${formatNumberFr(yamlText.length)} caractères, au plus ${formatNumberFr(limits.frontMatterChars)}) : il ne contient que les champs ; le texte du module va après la seconde ligne « --- ».`,
    );
    return { data: undefined, body, bodyLine };
  }
  const parsed = parsePlainYaml(yamlText);
  // Line 1 of the file is the opening `---`.
  if ('refused' in parsed) {
    issues.add(parsed.refused.line + 1, `en-tête illisible : ${parsed.refused.message}`);
    return { data: undefined, body, bodyLine };
  }
  const doc = parsed.document;
  const lineAt = (offset: number) => parsed.lineAt(offset) + 1;

  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      issues.add(lineAt(error.pos[0]), `en-tête illisible : ${describeYamlError(error.code)}`);
    }
    return { data: undefined, body, bodyLine };
  }
  const raw = doc.toJS() ?? {};
  const result = schema.safeParse(raw);
  if (result.success) return { data: result.data, body, bodyLine };

  const knownKeys = topLevelKeys(schema);
  for (const issue of result.error.issues) {
    const path = issue.path as (string | number)[];
    let node: Node | undefined;
    if (issue.code === 'unrecognized_keys') {
      node = keyNode((doc.getIn(path, true) as Node | undefined) ?? doc.contents ?? undefined, issue.keys[0]!);
    } else if (path.length > 1 && !hasPath(raw, path)) {
      // A missing nested field: point at its group's key (`couverture:`), under which the line goes.
      const group = path.length > 2 ? (doc.getIn(path.slice(0, -2), true) as Node | undefined) : doc.contents;
      node = keyNode(group ?? undefined, String(path.at(-2)));
    } else {
      node =
        (doc.getIn(path, true) as Node | undefined) ??
        keyNode(doc.getIn(path.slice(0, -1), true) as Node | undefined, String(path.at(-1)));
    }
    const line = node?.range ? lineAt(node.range[0]) : 1;
    const group =
      (issue.code === 'unrecognized_keys' && path.length > 0) ||
      (issue.code === 'invalid_type' && issue.expected === 'object');
    const keys = group ? nestedKeys(schema, path) : knownKeys;
    issues.add(line, describeZodIssue(issue, keys, !hasPath(raw, path)));
  }
  return { data: undefined, body, bodyLine };
}

function hasPath(data: unknown, path: (string | number)[]): boolean {
  let current: unknown = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || !(segment in current)) return false;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return true;
}

function keyNode(parent: Node | null | undefined, key: string): Node | undefined {
  if (!parent || !yaml().isMap(parent)) return parent ?? undefined;
  const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
  return (pair?.key as Node | undefined) ?? parent;
}

function topLevelKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function nestedKeys(schema: z.ZodType, path: (string | number)[]): string[] {
  let current: unknown = schema;
  for (const segment of path) {
    const unwrapped = unwrap(current);
    current = (unwrapped as { shape?: Record<string, unknown> } | undefined)?.shape?.[String(segment)];
  }
  return topLevelKeys(unwrap(current) as z.ZodType);
}

function unwrap(schema: unknown): unknown {
  let current = schema as { unwrap?: () => unknown } | undefined;
  while (current && typeof current.unwrap === 'function' && !('shape' in current))
    current = current.unwrap() as typeof current;
  return current;
}
