// Each structure's face through HTTP on both stores: an administrator uploads a logo and sets a colour and
// a signatory; the people of the structure and of the structures below see them on their pages and their
// attestation; refusals say why and keep what was typed; logos are served immutable and clean.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { grantRole } from '../../../server/structures/use-cases/grant-role.ts';
import { auditEntries, formToken } from '../../accounts/http/admin-app.ts';
import { completeCourse } from '../../certificates/http/complete-course.ts';
import { runPoppler, skipWithoutPoppler } from '../../certificates/run-poppler.ts';
import { eachStore, openedOnStore } from '../../helpers/each-store.ts';
import { addStructures, addUser, signIn } from '../../helpers/test-app.ts';
import { png } from '../png-logo.ts';

const openApp = openedOnStore();

const hostileSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 10" onload="alert(1)">
<script>alert(document.cookie)</script>
<image href="https://ailleurs.example/pixel.png" width="1" height="1"/>
<rect width="40" height="10" fill="#1f4e9a"/></svg>`;

describe.each(eachStore)('structure faces on the %s store', (kind) => {
  async function open() {
    const t = await openApp(kind);
    await addStructures(t, [
      ['bzh', 'Fédération Bretagne'],
      ['rennes', 'Association de Rennes', 'bzh'],
      ['accueil', 'Service accueil', 'rennes'],
      ['occ', 'Fédération Occitanie'],
    ]);
    const admin = await signIn(t, await addUser(t, 'admin', { structure: 'reseau' }));
    return { t, admin };
  }

  type Agent = Awaited<ReturnType<typeof signIn>>;
  const facePage = (code: string) => `/admin/structures/${code}/face`;

  async function upload(agent: Agent, code: string, name: string, bytes: Buffer, status: number) {
    const _csrf = await formToken(agent, facePage(code));
    return agent
      .post(`${facePage(code)}/logo`)
      .field('_csrf', _csrf)
      .attach('logo', bytes, name)
      .expect(status);
  }

  async function saveFace(agent: Agent, code: string, form: Record<string, string>) {
    const _csrf = await formToken(agent, facePage(code));
    return agent
      .post(facePage(code))
      .type('form')
      .send({ _csrf, colour: '', signatoryPlace: '', signatoryName: '', ...form });
  }

  it('shows a federation’s logo and colour to a learner of a service below it, and serves the logo for good', async () => {
    const { t, admin } = await open();
    const logo = png(120, 40);
    // Named .svg: the first bytes decide, not the name.
    const uploaded = await upload(admin, 'bzh', 'logo.svg', logo, 303);
    expect(uploaded.headers.location).toBe('/admin/structures/bzh/face?done=logo');
    expect((await saveFace(admin, 'bzh', { colour: '#1F4E9A' })).status).toBe(303);
    const bzh = await t.store.get('structures', 'bzh');
    expect(bzh?.colour).toBe('#1f4e9a');
    expect(bzh?.logo?.type).toBe('png');
    const logoUrl = `/logos/${bzh!.logo!.hash}.png`;

    const learner = await signIn(t, await addUser(t, 'learner', { structure: 'accueil' }));
    const page = await learner.get('/me').expect(200);
    expect(page.text).toContain(`<a class="brand" href="/"><img src="${logoUrl}" alt=""> Fédération Bretagne</a>`);
    expect(page.text).toContain('<style>:root{--accent:#1f4e9a;--band:#1f4e9a}</style>');
    // The CSP lets in that one style element by its hash, and still no other inline style.
    const styleHash = createHash('sha256').update(':root{--accent:#1f4e9a;--band:#1f4e9a}').digest('base64');
    expect(page.headers['content-security-policy']).toContain(`style-src 'self' 'sha256-${styleHash}';`);

    const served = await request(t.app).get(logoUrl).expect(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(served.body as Buffer, logo)).toBe(0);
    await request(t.app).get(logoUrl.replace('.png', '.svg')).expect(404);
    await request(t.app).get('/logos/nimportequoi.png').expect(404);

    // Elsewhere in the network, and for visitors, nothing changed: ORG_NAME, no logo, no inline style.
    const elsewhere = await signIn(t, await addUser(t, 'learner', { structure: 'occ' }));
    const other = await elsewhere.get('/me').expect(200);
    expect(other.text).toContain('<a class="brand" href="/">Passerelle</a>');
    expect(other.text).not.toContain('<style>');
    expect(other.headers['content-security-policy']).toContain("style-src 'self';");
    expect((await auditEntries(t, 'structure.logo_changed')).map((e) => e.target)).toEqual(['bzh']);
    expect((await auditEntries(t, 'structure.face_changed'))[0]?.details).toEqual({
      colour: { from: null, to: '#1f4e9a' },
    });
  });

  it('serves an uploaded SVG cleaned, under a CSP that runs nothing', async () => {
    const { t, admin } = await open();
    await upload(admin, 'rennes', 'logo.svg', Buffer.from(hostileSvg), 303);
    const logo = (await t.store.get('structures', 'rennes'))!.logo!;
    expect(logo.type).toBe('svg');
    const served = await request(t.app).get(`/logos/${logo.hash}.svg`).expect(200);
    expect(served.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(served.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    const text = Buffer.isBuffer(served.body) ? served.body.toString('utf8') : served.text;
    expect(text).toContain('<rect width="40" height="10" fill="#1f4e9a"></rect>');
    for (const gone of ['script', 'onload', 'alert', 'ailleurs', '<image']) expect(text).not.toContain(gone);
  });

  it('refuses what is no logo and a colour too light, saying why and keeping what was typed', async () => {
    const { t, admin } = await open();
    const notImage = await upload(admin, 'bzh', 'logo.png', Buffer.from('<html>pas une image</html>'), 400);
    expect(notImage.text).toContain('Ce fichier n’est ni une image PNG ni une image SVG.');
    const huge = await upload(admin, 'bzh', 'logo.png', png(3000, 10), 400);
    expect(huge.text).toContain('Cette image mesure 3000 × 10 pixels');
    const heavy = await upload(admin, 'bzh', 'logo.png', Buffer.alloc(300 * 1024, 0x20), 413);
    expect(heavy.text).toContain('Le logo dépasse 200 Ko');

    const light = await saveFace(admin, 'bzh', { colour: '#777777', signatoryPlace: 'Rennes' });
    expect(light.status).toBe(400);
    expect(light.text).toContain(
      'Cette couleur n’a qu’un contraste de 4,48:1 avec le blanc ; il faut au moins 4,5:1 pour qu’un texte de cette couleur sur fond blanc reste lisible.',
    );
    expect(light.text).toContain('value="#777777"');
    expect(light.text).toContain('value="Rennes"');
    const garbled = await saveFace(admin, 'bzh', { colour: 'bleu' });
    expect(garbled.status).toBe(400);
    expect(garbled.text).toContain('Indiquez la couleur au format #rrggbb');
    await saveFace(admin, 'bzh', { colour: '#767676' }).then((r) => expect(r.status).toBe(303));
    expect((await t.store.get('structures', 'bzh'))?.colour).toBe('#767676');
    // A form without its token is refused, upload included.
    await admin
      .post(`${facePage('bzh')}/logo`)
      .attach('logo', png(10, 10), 'logo.png')
      .expect(403);
    await admin.post(facePage('bzh')).type('form').send({ colour: '#000000' }).expect(403);
  });

  it('removes a logo only after a confirmation, and the structure then inherits its parent’s', async () => {
    const { t, admin } = await open();
    await upload(admin, 'bzh', 'bzh.png', png(30, 30), 303);
    await upload(admin, 'rennes', 'rennes.png', png(40, 20), 303);
    const rennesHash = (await t.store.get('structures', 'rennes'))!.logo!.hash;
    const confirm = await admin.get(`${facePage('rennes')}/logo/remove`).expect(200);
    expect(confirm.text).toContain('Retirer le logo de « Association de Rennes » ?');
    expect((await t.store.get('structures', 'rennes'))?.logo).toBeDefined();
    const _csrf = await formToken(admin, `${facePage('rennes')}/logo/remove`);
    await admin
      .post(`${facePage('rennes')}/logo/remove`)
      .type('form')
      .send({ _csrf })
      .expect(303);
    expect((await t.store.get('structures', 'rennes'))?.logo).toBeUndefined();
    const page = await admin.get(facePage('rennes')).expect(200);
    expect(page.text).toContain('Pas de logo propre : ses personnes voient celui de « Fédération Bretagne ».');
    // The bytes stay: an attestation issued with them goes on printing them.
    expect(await t.store.get('structureLogos', rennesHash)).toBeDefined();
    expect((await auditEntries(t, 'structure.logo_removed')).map((e) => e.target)).toEqual(['rennes']);
  });

  it('lets an administrator granted on a federation edit its structures’ faces, and nobody else', async () => {
    const { t } = await open();
    const person = await addUser(t, 'learner', { structure: 'bzh' });
    await grantRole(t.store, { userId: person.id, role: 'admin', structure: 'bzh' }, null, t.now());
    const adminBzh = await signIn(t, person);
    // The tree's pages are the network's: the users page links the federation's face instead.
    const users = await adminBzh.get('/admin/users').expect(200);
    expect(users.text).toContain(`href="${facePage('bzh')}"`);
    expect(users.text).not.toContain('href="/admin/structures"');
    await adminBzh.get(facePage('rennes')).expect(200);
    await saveFace(adminBzh, 'rennes', { signatoryPlace: 'Rennes' }).then((r) => expect(r.status).toBe(303));
    await adminBzh.get(facePage('occ')).expect(404);
    await adminBzh.get(facePage('reseau')).expect(404);
    await adminBzh.get(facePage('inconnue')).expect(404);
    const learner = await signIn(t, await addUser(t, 'learner', { structure: 'rennes' }));
    await learner.get(facePage('rennes')).expect(403);
  });

  it.skipIf(skipWithoutPoppler)('prints the structure’s signatory line on the attestation', async () => {
    const { t, admin } = await open();
    await saveFace(admin, 'rennes', {
      signatoryPlace: 'Rennes',
      signatoryName: 'Association de Rennes, la directrice',
    }).then((r) => expect(r.status).toBe(303));
    await upload(admin, 'bzh', 'bzh.png', png(60, 20), 303);
    const learner = await signIn(t, await addUser(t, 'learner', { structure: 'accueil' }));
    const id = await completeCourse(t, learner);
    const pdf = await learner.get(`/certificates/${id}/attestation.pdf`).buffer(true).expect(200);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-face-'));
    try {
      const file = path.join(dir, 'attestation.pdf');
      await writeFile(file, pdf.body as Buffer);
      const text = (await runPoppler('pdftotext', ['-layout', file, '-'])).replace(/\u00a0/g, ' ');
      expect(text).toContain('Fait à Rennes, le 23 novembre 2026');
      expect(text).toContain('Pour Association de Rennes, la directrice');
      expect(text).toMatch(/Association de Rennes atteste/);
      // The PNG logo of the federation is drawn in the header.
      expect(await runPoppler('pdfimages', ['-list', file])).toMatch(/\n\s*1\s+\d+\s+image\s+60\s+20/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
