import { describe, expect, it } from 'vitest';
import { writeCompletionsCsv } from '../../../server/hr/write-completions-csv.ts';
import { collectOutput } from '../collect-output.ts';
import { fromArray, makeCompletionRow } from '../make-completion-row.ts';
import { parseCsv } from '../parse-csv.ts';

const header = [
  'Nom',
  'E-mail',
  'Matricule',
  'Structure',
  'Formation',
  'Version',
  'Statut',
  'Début',
  'Fin',
  'Temps mesuré (h)',
  'Durée déclarée (h)',
  'Note finale (%)',
  'Code attestation',
  'Statut attestation',
  'Échéance',
  'Terminé avant l’échéance',
];

describe('writeCompletionsCsv in the excel-fr format', () => {
  it('starts with a UTF-8 BOM, separates with ";" and ends every line with CRLF', async () => {
    const out = collectOutput();
    await writeCompletionsCsv(fromArray([makeCompletionRow()]), out.stream, 'excel-fr');
    const bytes = out.bytes();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('Nom;E-mail;Matricule;Structure;Formation;Version;Statut;Début;Fin;')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(text.split('\r\n')).toHaveLength(3);
  });

  it('writes Paris calendar dates as JJ/MM/AAAA, decimal hours and scores with a comma, French statuses', async () => {
    const out = collectOutput();
    await writeCompletionsCsv(fromArray([makeCompletionRow()]), out.stream, 'excel-fr');
    const [head, row] = parseCsv(out.text().slice(1), ';');
    expect(head).toEqual(header);
    expect(row).toEqual([
      'Zoé Lefèvre',
      'zoe.lefevre@example.org',
      'M-0042',
      'Association Élan',
      'Culture numérique',
      '3',
      'Terminé',
      '02/11/2026',
      '24/11/2026',
      '1,25',
      '1,50',
      '87,5',
      'K7QX-92MD',
      'Valide',
      '',
      '',
    ]);
  });

  it('leaves missing values empty and names every status in French', async () => {
    const rows = [
      makeCompletionRow({
        status: 'not_started',
        matricule: null,
        startedAt: null,
        completedAt: null,
        measuredMinutes: 0,
        finalScore: null,
        certificateCode: null,
        certificateStatus: null,
      }),
      makeCompletionRow({ status: 'in_progress', completedAt: null, certificateStatus: 'replaced' }),
      makeCompletionRow({ status: 'revoked', certificateStatus: 'revoked', finalScore: 100 }),
    ];
    const out = collectOutput();
    await writeCompletionsCsv(fromArray(rows), out.stream, 'excel-fr');
    const [, notStarted, inProgress, revoked] = parseCsv(out.text().slice(1), ';');
    expect(notStarted).toEqual([
      'Zoé Lefèvre',
      'zoe.lefevre@example.org',
      '',
      'Association Élan',
      'Culture numérique',
      '3',
      'Non commencé',
      '',
      '',
      '0,00',
      '1,50',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect([inProgress?.[6], inProgress?.[8], inProgress?.[13]]).toEqual(['En cours', '', 'Remplacée']);
    expect([revoked?.[6], revoked?.[11], revoked?.[13]]).toEqual(['Attestation révoquée', '100', 'Révoquée']);
  });

  it('gives the due date and whether the completion came by it, on the Paris calendar', async () => {
    // The completion falls at 00:30 in Paris on 24 November.
    const rows = [
      makeCompletionRow({ dueDate: '2026-11-24' }),
      makeCompletionRow({ dueDate: '2026-11-23' }),
      makeCompletionRow({ status: 'late', completedAt: null, certificateStatus: null, dueDate: '2026-11-20' }),
    ];
    const out = collectOutput();
    await writeCompletionsCsv(fromArray(rows), out.stream, 'excel-fr');
    const [, onTime, afterIt, late] = parseCsv(out.text().slice(1), ';');
    expect(onTime?.slice(-2)).toEqual(['24/11/2026', 'oui']);
    expect(afterIt?.slice(-2)).toEqual(['23/11/2026', 'non']);
    expect([late?.[6], ...(late?.slice(-2) ?? [])]).toEqual(['En retard', '20/11/2026', '']);
  });

  it('quotes names holding accents, quotes, semicolons and line breaks, and reads them back intact', async () => {
    const names = ['Ève "la Fée" Œuvré', 'Dupont; Durand', 'Ligne 1\nLigne 2', 'Retour\r\nchariot', 'Émilie\r'];
    const out = collectOutput();
    const count = await writeCompletionsCsv(
      fromArray(names.map((name) => makeCompletionRow({ name }))),
      out.stream,
      'excel-fr',
    );
    expect(count).toBe(names.length);
    expect(out.text()).toContain('"Ève ""la Fée"" Œuvré";');
    const records = parseCsv(out.text().slice(1), ';');
    expect(records.slice(1).map((record) => record[0])).toEqual(names);
  });

  it('neutralises a formula in a name and quotes it properly', async () => {
    const out = collectOutput();
    await writeCompletionsCsv(
      fromArray([makeCompletionRow({ name: '=HYPERLINK("http://x","clic")', structure: '@SUM(A1)' })]),
      out.stream,
      'excel-fr',
    );
    expect(out.text()).toContain('\r\n"\'=HYPERLINK(""http://x"",""clic"")";');
    const [, row] = parseCsv(out.text().slice(1), ';');
    expect(row?.[0]).toBe('\'=HYPERLINK("http://x","clic")');
    expect(row?.[3]).toBe("'@SUM(A1)");
  });

  it('returns 0 and writes only the header when there is no row', async () => {
    const out = collectOutput();
    expect(await writeCompletionsCsv(fromArray([]), out.stream, 'excel-fr')).toBe(0);
    expect(parseCsv(out.text().slice(1), ';')).toEqual([header]);
  });

  it('rejects and destroys the output when the rows fail midway', async () => {
    async function* failing() {
      yield makeCompletionRow();
      throw new Error('store unavailable');
    }
    const out = collectOutput();
    await expect(writeCompletionsCsv(failing(), out.stream, 'excel-fr')).rejects.toThrow('store unavailable');
    expect(out.stream.destroyed).toBe(true);
  });
});

describe('writeCompletionsCsv in the rfc format', () => {
  it('has no BOM, separates with ",", ends lines with CRLF, writes ISO dates and decimal points', async () => {
    const out = collectOutput();
    await writeCompletionsCsv(fromArray([makeCompletionRow({ structure: 'Durand, fils & Cie' })]), out.stream, 'rfc');
    const text = out.text();
    expect(text.startsWith('Nom,E-mail,')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(3);
    const [head, row] = parseCsv(text, ',');
    expect(head).toEqual(header);
    expect(row).toEqual([
      'Zoé Lefèvre',
      'zoe.lefevre@example.org',
      'M-0042',
      'Durand, fils & Cie',
      'Culture numérique',
      '3',
      'Terminé',
      '2026-11-02',
      '2026-11-24',
      '1.25',
      '1.50',
      '87.5',
      'K7QX-92MD',
      'Valide',
      '',
      '',
    ]);
  });

  it('follows the Paris clock across daylight saving time', async () => {
    const out = collectOutput();
    await writeCompletionsCsv(
      fromArray([
        // 22:30 UTC is 00:30 the next day in summer (UTC+2), still 23:30 the same day in winter (UTC+1).
        makeCompletionRow({
          startedAt: new Date('2026-07-14T22:30:00Z'),
          completedAt: new Date('2026-12-31T22:30:00Z'),
        }),
      ]),
      out.stream,
      'rfc',
    );
    const [, row] = parseCsv(out.text(), ',');
    expect([row?.[7], row?.[8]]).toEqual(['2026-07-15', '2026-12-31']);
  });
});
