import type { z } from 'zod';
import { translate } from '../i18n/translate.ts';
import { fold } from '../shared/fold.ts';
import { detectDelimiter, readRecords } from '../shared/read-csv.ts';
import { normalizeEmail } from './queries.ts';
import type { Role } from './schema.ts';
import { NewUser } from './users.ts';

/** More than this is a job for several imports: one import is one transaction and one results page. */
export const maxStaffRows = 2000;

export interface StaffCsvError {
  /** Line of the text as pasted (the header is line 1). */
  line: number;
  message: string;
}

export interface StaffCsv {
  rows: NewUser[];
  /** `lines[i]` is the line where `rows[i]` starts, to report problems found later (an email already used). */
  lines: number[];
  errors: StaffCsvError[];
}

type Column = 'name' | 'firstName' | 'email' | 'structure' | 'matricule' | 'role';

// Header cells are compared folded (no case, accents, spaces or punctuation): « E-mail », « Nom et prénom ».
const columnAliases: Record<string, Column> = {
  nom: 'name',
  name: 'name',
  nometprenom: 'name',
  nomprenom: 'name',
  prenomnom: 'name',
  prenometnom: 'name',
  nomcomplet: 'name',
  fullname: 'name',
  prenom: 'firstName',
  firstname: 'firstName',
  email: 'email',
  mail: 'email',
  courriel: 'email',
  adresseemail: 'email',
  adressemail: 'email',
  adressecourriel: 'email',
  structure: 'structure',
  service: 'structure',
  etablissement: 'structure',
  codestructure: 'structure',
  matricule: 'matricule',
  nmatricule: 'matricule',
  numeromatricule: 'matricule',
  role: 'role',
};

const roleAliases: Record<string, Role> = {
  learner: 'learner',
  apprenant: 'learner',
  apprenante: 'learner',
  stagiaire: 'learner',
  trainer: 'trainer',
  formateur: 'trainer',
  formatrice: 'trainer',
  formateurrice: 'trainer',
  hr: 'hr',
  rh: 'hr',
  ressourceshumaines: 'hr',
  admin: 'admin',
  administrateur: 'admin',
  administratrice: 'admin',
  administrateurrice: 'admin',
};

const requiredColumns = [
  ['name', 'nom'],
  ['email', 'email'],
  ['structure', 'structure'],
] as const;

const key = (cell: string) => fold(cell).replace(/[^a-z0-9]/g, '');

// Line breaks, tabs and runs of spaces inside a cell would end up on attestations: keep single spaces.
const clean = (cell: string | undefined) => (cell ?? '').replace(/\s+/g, ' ').trim();

/**
 * Reads a staff list pasted from a spreadsheet: a header row naming the columns (nom, email, structure,
 * optional matricule, prénom and rôle), values separated by `;`, `,` or tabs (found from the header),
 * RFC 4180 quotes. Every problem is reported with its line, so the admin can fix the whole file at once.
 */
export function parseStaffCsv(text: string): StaffCsv {
  const source = text.replace(/^\uFEFF/, '');
  const result: StaffCsv = { rows: [], lines: [], errors: [] };
  const fail = (line: number, message: string) => {
    result.errors.push({ line, message });
    return result;
  };
  if (source.trim() === '') return fail(1, translate('admin.import.error.empty'));

  const delimiter = detectDelimiter(source.split(/\r\n|\r|\n/, 1)[0] ?? '');
  const { records, unclosedQuoteLine } = readRecords(source, delimiter);
  const nonBlank = records.filter((r) => r.fields.some((f) => clean(f) !== ''));
  const [header, ...data] = nonBlank;
  if (!header) {
    return fail(
      unclosedQuoteLine ?? 1,
      translate(unclosedQuoteLine ? 'admin.import.error.unclosedQuote' : 'admin.import.error.noValues'),
    );
  }

  const columns = new Map<Column, number>();
  header.fields.forEach((cell, index) => {
    const column = columnAliases[key(cell)];
    if (!column) return;
    if (columns.has(column))
      fail(header.line, translate('admin.import.error.duplicateColumn', { column: clean(cell) }));
    else columns.set(column, index);
  });
  const missing = requiredColumns.filter(([column]) => !columns.has(column)).map(([, label]) => `« ${label} »`);
  if (missing.length > 0) {
    return fail(header.line, translate('admin.import.error.missingColumns', { missing: missing.join(', ') }));
  }
  if (result.errors.length > 0) return result;

  const seen = new Map<string, number>();
  for (const [index, record] of data.entries()) {
    if (index >= maxStaffRows) {
      return fail(record.line, translate('admin.import.error.tooMany', { max: maxStaffRows.toLocaleString('fr-FR') }));
    }
    const cell = (column: Column) => {
      const at = columns.get(column);
      return at === undefined ? '' : clean(record.fields[at]);
    };
    const extra = record.fields.slice(header.fields.length).filter((f) => clean(f) !== '');
    if (extra.length > 0) {
      const found = header.fields.length + extra.length;
      fail(record.line, translate('admin.import.error.extraColumns', { found, expected: header.fields.length }));
      continue;
    }
    const errorsBefore = result.errors.length;
    const roleCell = cell('role');
    const role = roleCell === '' ? 'learner' : roleAliases[key(roleCell)];
    if (!role) fail(record.line, translate('admin.import.error.unknownRole', { role: roleCell }));

    const email = cell('email');
    if (email !== '') {
      const normalized = normalizeEmail(email);
      const first = seen.get(normalized);
      if (first !== undefined)
        fail(record.line, translate('admin.import.error.duplicateEmail', { email: normalized, line: first }));
      else seen.set(normalized, record.line);
    }

    const parsed = NewUser.safeParse({
      name: [cell('firstName'), cell('name')].filter(Boolean).join(' '),
      email,
      structure: cell('structure'),
      matricule: cell('matricule'),
      role: role ?? 'learner',
    });
    if (!parsed.success) {
      for (const message of firstMessagePerField(parsed.error.issues)) fail(record.line, message);
      continue;
    }
    if (result.errors.length === errorsBefore) {
      result.rows.push(parsed.data);
      result.lines.push(record.line);
    }
  }
  if (data.length === 0 && unclosedQuoteLine === undefined) {
    fail(header.line, translate('admin.import.error.noRows'));
  }
  if (unclosedQuoteLine !== undefined) fail(unclosedQuoteLine, translate('admin.import.error.unclosedQuote'));
  result.errors.sort((a, b) => a.line - b.line);
  return result;
}

/** NewUser's French messages, one per field, as the end of « ligne 3 : … ». */
function firstMessagePerField(issues: readonly z.core.$ZodIssue[]): string[] {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (!byField.has(field))
      byField.set(
        field,
        issue.message.replace(/\.$/, '').replace(/^\p{Lu}(?!\p{Lu})/u, (c) => c.toLowerCase()),
      );
  }
  return [...byField.values()];
}
