import { describe, expect, it } from 'vitest';
import { maxStaffRows, parseStaffCsv } from '../../../server/accounts/parse-staff-csv.ts';

const marie = {
  name: 'Marie Curie',
  email: 'marie.curie@exemple.org',
  structure: 'centre-social-nord',
  matricule: 'A123',
  role: 'learner',
};

describe('parseStaffCsv', () => {
  it('reads a semicolon-separated list as French Excel writes it, with a BOM and CRLF', () => {
    const text =
      '\uFEFFnom;email;structure;matricule\r\nMarie Curie;Marie.Curie@Exemple.org;centre-social-nord;A123\r\n';
    expect(parseStaffCsv(text)).toEqual({ rows: [marie], lines: [2], errors: [] });
  });

  it('detects commas and tabs from the header line', () => {
    const comma = 'name,email,structure,matricule\nMarie Curie,marie.curie@exemple.org,centre-social-nord,A123';
    const tab = 'nom\temail\tstructure\tmatricule\nMarie Curie\tmarie.curie@exemple.org\tcentre-social-nord\tA123';
    expect(parseStaffCsv(comma).rows).toEqual([marie]);
    expect(parseStaffCsv(tab).rows).toEqual([marie]);
  });

  it('recognises header synonyms whatever their case and accents, in any order', () => {
    const text =
      'Courriel;SERVICE;Nom;Matricule;Rôle\nmarie.curie@exemple.org;centre-social-nord;Marie Curie;A123;Formatrice';
    expect(parseStaffCsv(text).rows).toEqual([{ ...marie, role: 'trainer' }]);
    const other = 'E-mail;Structure;Nom et prénom\nmarie.curie@exemple.org;centre-social-nord;Marie Curie';
    expect(parseStaffCsv(other).rows).toEqual([{ ...marie, matricule: null }]);
  });

  it('joins separate first-name and last-name columns', () => {
    const text = 'prénom;nom;email;structure\nMarie;Curie;marie.curie@exemple.org;centre-social-nord';
    expect(parseStaffCsv(text).rows[0]?.name).toBe('Marie Curie');
  });

  it('reads RFC 4180 quotes: separators, doubled quotes and line breaks inside a field', () => {
    const text =
      'nom,email,structure\n' +
      '"Curie, Marie",marie.curie@exemple.org,"Centre ""Nord"""\n' +
      '"Jean\nMoulin",jean@exemple.org, "Service, RH"\n' +
      'Zoé,zoe@exemple.org,Accueil';
    const result = parseStaffCsv(text);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.name, r.structure])).toEqual([
      ['Curie, Marie', 'centre "nord"'],
      ['Jean Moulin', 'service, rh'],
      ['Zoé', 'accueil'],
    ]);
    // The line numbers are those of the text as pasted, even after a field spanning two lines.
    expect(result.lines).toEqual([2, 3, 5]);
  });

  it('skips blank lines and rows of empty cells, keeping line numbers', () => {
    const text = 'nom;email;structure\n\n;;\nMarie Curie;marie.curie@exemple.org;Nord\n\n';
    expect(parseStaffCsv(text)).toMatchObject({ lines: [4], errors: [] });
  });

  it('reports every invalid line with its number and imports none of them', () => {
    const text = [
      'nom;email;structure;matricule;role',
      'Marie Curie;marie.curie@exemple.org;Nord;;',
      'Jean Moulin;pas-une-adresse;Nord;;',
      ';sans.nom@exemple.org;Nord;;',
      'Zoé;zoe@exemple.org;;;',
      'Ada;ada@exemple.org;Nord;;directrice',
    ].join('\n');
    const result = parseStaffCsv(text);
    expect(result.errors).toEqual([
      { line: 3, message: 'adresse e-mail invalide' },
      { line: 4, message: 'indiquez le nom tel qu’il apparaîtra sur les attestations' },
      { line: 5, message: 'indiquez la structure (établissement ou service)' },
      { line: 6, message: 'rôle inconnu « directrice » (apprenant, formateur, rh ou admin)' },
    ]);
    expect(result.lines).toEqual([2]);
  });

  it('reports a duplicate email within the file with the line it first appears on', () => {
    const text =
      'nom;email;structure\nMarie;marie@exemple.org;Nord\nJean;jean@exemple.org;Nord\nMarie bis; MARIE@exemple.org ;Sud';
    expect(parseStaffCsv(text).errors).toEqual([
      { line: 4, message: 'adresse e-mail marie@exemple.org déjà présente ligne 2' },
    ]);
  });

  it('reports a row with more values than columns instead of shifting them', () => {
    const text = 'nom,email,structure\nCurie, Marie,marie@exemple.org,Nord';
    expect(parseStaffCsv(text).errors).toEqual([
      {
        line: 2,
        message: '4 colonnes au lieu de 3 : mettez entre guillemets les valeurs qui contiennent le séparateur',
      },
    ]);
  });

  it('names the missing columns of the header', () => {
    const result = parseStaffCsv('nom;adresse;structure\nMarie;marie@exemple.org;Nord');
    expect(result.rows).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 1 });
    expect(result.errors[0]!.message).toContain('introuvable : « email »');
  });

  it('rejects an empty text, a header alone and an unclosed quote', () => {
    expect(parseStaffCsv(' \n ').errors[0]?.message).toMatch(/vide/);
    expect(parseStaffCsv('nom;email;structure\n').errors).toEqual([
      { line: 1, message: 'aucune personne sous la ligne d’en-tête' },
    ]);
    const unclosed = parseStaffCsv('nom;email;structure\nMarie;marie@exemple.org;Nord\n"Jean;jean@exemple.org;Nord\n');
    expect(unclosed.errors).toEqual([{ line: 3, message: 'guillemet ouvert jamais fermé' }]);
  });

  it(`refuses more than ${maxStaffRows} people, naming the first line over the limit`, () => {
    const lines = Array.from({ length: maxStaffRows + 1 }, (_, i) => `P${i};p${i}@exemple.org;Nord`);
    const result = parseStaffCsv(['nom;email;structure', ...lines].join('\n'));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: maxStaffRows + 2 });
    expect(result.errors[0]!.message).toMatch(/^au plus 2\s000 personnes par import : découpez la liste$/);
  });
});

describe('parseStaffCsv on hostile input', () => {
  it('reads 180 KB of stray quotes in linear time (it took seconds when each quote looked back into the field)', () => {
    const text = `nom;email;structure\n${'a"'.repeat(90_000)}`;
    const started = performance.now();
    const result = parseStaffCsv(text);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.rows).toEqual([]);
    expect(result.errors.length).toBeGreaterThan(0);
  });

  it('still opens a quoted field after leading spaces', () => {
    const result = parseStaffCsv('nom;email;structure\n  "Martin, Zoé";zoe@exemple.org;Accueil');
    expect(result.rows[0]).toMatchObject({ name: 'Martin, Zoé', email: 'zoe@exemple.org' });
  });
});
