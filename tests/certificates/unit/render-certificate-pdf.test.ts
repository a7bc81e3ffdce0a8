import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateSnapshot } from '../../../server/certificates/certificate-snapshot.ts';
import { renderCertificatePdf } from '../../../server/certificates/pdf/render-certificate-pdf.ts';
import { decodeQrCode } from '../decode-qr-code.ts';
import { runPoppler, skipWithoutPoppler } from '../run-poppler.ts';

const verifyUrl = 'https://passerelle.example.org/verify/Qm9uam91ciBsZXMgYW1pcw';

function aCertificate(overrides: Partial<CertificateSnapshot> = {}): CertificateSnapshot {
  return {
    learnerName: 'Zoé Lefèvre-N’Diaye',
    courseTitle: 'Le « bon usage » du numérique : cœur de métier',
    courseVersion: 3,
    contentHash: 'sha256-9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    objectives: [
      'Identifier les usages numériques de sa structure et leurs effets',
      'Estimer le coût d’un équipement à 1 500 € sur cinq ans',
      'Choisir des œuvres et des ressources libres de droits',
    ],
    declaredMinutes: 75,
    measuredMinutes: 62,
    startedAt: '2026-11-20T08:12:00Z',
    completedAt: '2026-11-23T10:45:00Z',
    score: 90,
    passMark: 80,
    issuer: { name: 'Les Ateliers Solidaires du Rhône', city: 'Lyon' },
    shortCode: 'PAS-7K3M-9QXZ',
    issuedAt: '2026-11-23T10:46:00Z',
    ...overrides,
  };
}

const crowded = aCertificate({
  learnerName:
    'Marie-Amélie Éléonore Françoise de La Tour d’Auvergne-Lauraguais épouse Saint-Exupéry-Villeneuve de Montmorency-Bargemon',
  courseTitle:
    'Accompagner les publics éloignés du numérique : posture, outils, cœur de métier et « bonnes pratiques » ' +
    'pour les structures de l’économie sociale et solidaire en milieu rural',
  objectives: Array.from(
    { length: 12 },
    (_, index) =>
      `Objectif ${index + 1} : savoir analyser, documenter et transmettre à ses collègues les pratiques ` +
      'professionnelles liées à l’accueil des publics, en tenant compte des contraintes budgétaires et réglementaires',
  ),
  issuer: {
    name: 'Association régionale pour la formation et l’insertion professionnelle des jeunes et des adultes d’Auvergne-Rhône-Alpes',
    city: 'Saint-Rémy-de-Provence',
  },
});

/** pdftotext keeps no-break spaces and line ends; tests compare words, not layout. */
function flatten(text: string): string {
  return text.replace(/\s+/g, ' ');
}

describe.skipIf(skipWithoutPoppler)('renderCertificatePdf', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'passerelle-certificate-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function save(name: string, pdf: Buffer): Promise<string> {
    const path = join(dir, `${name}.pdf`);
    await writeFile(path, pdf);
    return path;
  }

  async function textOf(path: string): Promise<string> {
    return flatten(await runPoppler('pdftotext', ['-enc', 'UTF-8', path, '-']));
  }

  async function qrCodeOf(path: string): Promise<string | null> {
    const prefix = join(dir, `${path.split('/').pop()}-page`);
    await runPoppler('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', path, prefix]);
    return decodeQrCode(PNG.sync.read(await readFile(`${prefix}.png`)));
  }

  it('produces a PDF of exactly one A4 page', async () => {
    const pdf = await renderCertificatePdf(aCertificate(), { verifyUrl });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = await runPoppler('pdfinfo', [await save('one-page', pdf)]);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Page size:\s+595\.2\d x 841\.8\d pts \(A4\)$/m);
  });

  it('prints the attestation in French, accents and typography included', async () => {
    const text = await textOf(await save('french', await renderCertificatePdf(aCertificate(), { verifyUrl })));
    expect(text).toContain('Attestation de fin de formation');
    expect(text).toContain('Les Ateliers Solidaires du Rhône atteste que Zoé Lefèvre-N’Diaye');
    expect(text).toContain('a suivi l’action de formation Le « bon usage » du numérique : cœur de métier');
    expect(text).toContain('version 3');
    expect(text).toContain('• Estimer le coût d’un équipement à 1 500 € sur cinq ans');
    expect(text).toContain('• Choisir des œuvres et des ressources libres de droits');
    expect(text).toContain('Durée déclarée : 1 h 15');
    expect(text).toContain('Temps mesuré : 1 h 02');
    expect(text).toContain('Date de début : 20 novembre 2026');
    expect(text).toContain('Date d’achèvement : 23 novembre 2026');
    expect(text).toContain('Évaluation finale réussie : 90 %');
    expect(text).toContain('Seuil de réussite : 80 %');
    expect(text).toContain('Fait à Lyon, le 23 novembre 2026');
    expect(text).toContain('PAS-7K3M-9QXZ');
    expect(text).toContain(verifyUrl);
  });

  it('embeds every font it uses', async () => {
    const path = await save('fonts', await renderCertificatePdf(aCertificate(), { verifyUrl }));
    const fonts = (await runPoppler('pdffonts', [path])).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes yes/);
  });

  it('draws a QR code that decodes to exactly the verify URL', async () => {
    const path = await save('qr-code', await renderCertificatePdf(aCertificate(), { verifyUrl }));
    expect(await qrCodeOf(path)).toBe(verifyUrl);
  });

  it('gives byte-identical files for the same snapshot, dated by the issue date', async () => {
    const first = await renderCertificatePdf(aCertificate(), { verifyUrl });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await renderCertificatePdf(structuredClone(aCertificate()), { verifyUrl });
    expect(second.equals(first)).toBe(true);
    const info = await runPoppler('pdfinfo', ['-isodates', await save('dated', first)]);
    expect(info).toMatch(/^CreationDate:\s+2026-11-23T10:46:00Z$/m);
    expect(info).toMatch(/^ModDate:\s+2026-11-23T10:46:00Z$/m);
  });

  it('gives a different file when the snapshot changes', async () => {
    const first = await renderCertificatePdf(aCertificate(), { verifyUrl });
    const other = await renderCertificatePdf(aCertificate({ measuredMinutes: 63 }), { verifyUrl });
    expect(other.equals(first)).toBe(false);
  });

  it('keeps a 120-character name, a long title and 12 long objectives on one page', async () => {
    expect(crowded.learnerName).toHaveLength(120);
    const path = await save('crowded', await renderCertificatePdf(crowded, { verifyUrl }));
    expect(await runPoppler('pdfinfo', [path])).toMatch(/^Pages:\s+1$/m);
    const text = await textOf(path);
    // The name is never cut; it may wrap, and pdftotext drops a hyphen at the end of a line.
    const bare = (value: string) => value.replace(/[\s-]/g, '');
    expect(bare(text)).toContain(bare(crowded.learnerName));
    expect(text).toContain('• Objectif 1 :');
    expect(text).toMatch(/… et \d+ autres objectifs/);
    expect(text).toContain('Évaluation finale réussie : 90 %');
    expect(text).toContain('Fait à Saint-Rémy-de-Provence, le 23 novembre 2026');
    expect(text).toContain('PAS-7K3M-9QXZ');
    expect(await qrCodeOf(path)).toBe(verifyUrl);
  });

  it('lists every objective when many short ones fit', async () => {
    const objectives = Array.from({ length: 12 }, (_, index) => `Objectif ${index + 1} : repérer un usage`);
    const text = await textOf(
      await save('twelve', await renderCertificatePdf(aCertificate({ objectives }), { verifyUrl })),
    );
    for (const objective of objectives) expect(text).toContain(`• ${objective}`);
    expect(text).not.toContain('autres objectifs');
  });

  it('leaves out the start date when it is unknown', async () => {
    const { startedAt: _, ...withoutStart } = aCertificate();
    const text = await textOf(await save('no-start', await renderCertificatePdf(withoutStart, { verifyUrl })));
    expect(text).not.toContain('Date de début');
    expect(text).toContain('Date d’achèvement : 23 novembre 2026');
  });

  it('does not call a failed final assessment a success', async () => {
    const path = await save('failed', await renderCertificatePdf(aCertificate({ score: 60 }), { verifyUrl }));
    const text = await textOf(path);
    expect(text).toContain('Évaluation finale : 60 %');
    expect(text).not.toContain('réussie');
  });

  it('stamps a revoked or replaced certificate, with the date, on one page whose QR code still reads', async () => {
    const withdrawal = { status: 'revoked' as const, at: '2026-12-02T10:00:00Z' };
    const revoked = await save('revoked', await renderCertificatePdf(aCertificate(), { verifyUrl, withdrawal }));
    expect(await runPoppler('pdfinfo', [revoked])).toMatch(/^Pages:\s+1$/m);
    expect(await textOf(revoked)).toContain('Attestation révoquée le 2 décembre 2026 : elle n’est plus valable.');
    expect(await qrCodeOf(revoked)).toBe(verifyUrl);
    const replaced = await renderCertificatePdf(aCertificate(), {
      verifyUrl,
      withdrawal: { status: 'replaced', at: null },
    });
    expect(await textOf(await save('replaced', replaced))).toContain(
      'Attestation remplacée : seule la nouvelle attestation fait foi.',
    );
    const valid = await textOf(await save('valid', await renderCertificatePdf(aCertificate(), { verifyUrl })));
    expect(valid).not.toMatch(/révoquée|remplacée/);
  });

  it('refuses a snapshot that breaks its schema, and a verify URL that is not an absolute web address', async () => {
    await expect(renderCertificatePdf(aCertificate({ score: 120 }), { verifyUrl })).rejects.toThrow();
    await expect(renderCertificatePdf(aCertificate({ shortCode: 'PAS-1234' }), { verifyUrl })).rejects.toThrow();
    await expect(renderCertificatePdf(aCertificate(), { verifyUrl: '/verify/abc' })).rejects.toThrow();
    await expect(renderCertificatePdf(aCertificate(), { verifyUrl: 'javascript:alert(1)' })).rejects.toThrow();
  });
});
