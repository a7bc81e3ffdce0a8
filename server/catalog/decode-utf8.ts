import type { IssueList } from './course-issue.ts';
import { excerpt } from './quiz-syntax.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
// What Windows' Notepad and older Word save as « ANSI »: the likeliest reading of a file that is not UTF-8.
const windows1252 = new TextDecoder('windows-1252');

/**
 * Decodes a course file as UTF-8, refusing it when it is not: decoding it anyway would show learners « � »
 * in place of every accented letter. The issue points at the first line that is not UTF-8, shows it as the
 * trainer wrote it, and says how to save the file again.
 */
export function decodeUtf8(bytes: Buffer, issues: IssueList): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const bad = firstInvalidOffset(bytes);
    const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
    const lineEnd = bytes.indexOf(0x0a, bad);
    const line = countNewlines(bytes, lineStart) + 1;
    const shown = windows1252.decode(bytes.subarray(lineStart, lineEnd === -1 ? bytes.length : lineEnd)).trim();
    issues.add(
      line,
      `le fichier n’est pas enregistré en UTF-8 (sans doute en « ANSI » ou Windows-1252) : ses lettres accentuées seraient illisibles, par exemple dans « ${excerpt(shown)} ». Enregistrez-le à nouveau en UTF-8 : dans le Bloc-notes, « Fichier › Enregistrer sous », choisissez « UTF-8 » dans la liste « Encodage » en bas de la fenêtre, puis « Enregistrer » ; dans un autre éditeur, choisissez de même l’encodage « UTF-8 » en enregistrant.`,
    );
    return undefined;
  }
}

/** The offset of the first byte that does not belong to a valid UTF-8 sequence. */
function firstInvalidOffset(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    if (length > 1 && !strictlyDecodes(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return bytes.length;
}

function strictlyDecodes(sequence: Buffer): boolean {
  try {
    strictUtf8.decode(sequence);
    return true;
  } catch {
    return false;
  }
}

function countNewlines(bytes: Buffer, end: number): number {
  let count = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < end; i = bytes.indexOf(0x0a, i + 1)) count++;
  return count;
}
