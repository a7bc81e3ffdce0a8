import { type Request, type Response, Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { requireRole, requireUser } from '../accounts/guards.ts';
import type { Config } from '../config.ts';
import { parseForm } from '../http/parse-form.ts';
import type { Clock } from '../shared/clock.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { AppStore } from '../store/app-collections.ts';
import { CertificateNotValidError, reissueCertificate, revokeCertificate } from './change-certificate.ts';
import { normalizeShortCode } from './normalize-short-code.ts';
import { renderCertificatePdf } from './render-certificate-pdf.ts';
import type { Certificate } from './schema.ts';

export interface CertificateRouteDeps {
  store: AppStore;
  clock: Clock;
  config: Config;
}

const RevokeForm = z.object({
  reason: z
    .string()
    .trim()
    .min(3, 'Indiquez la raison de la révocation.')
    .max(500, 'Raison trop longue (500 caractères au plus).'),
  confirm: z.literal('yes', { error: 'Cochez la case pour confirmer la révocation.' }),
});
const ReissueForm = z.object({
  learnerName: z.string().trim().min(1, 'Indiquez le nom corrigé.').max(120, 'Nom trop long (120 caractères au plus).'),
});

const verifyUrl = (config: Config, c: Pick<Certificate, 'token'>) => `${config.baseUrl}/verify/${c.token}`;

/** PDFs are deterministic, so a rendered one can be kept: rendering costs ~100 ms of CPU. */
class PdfCache {
  private readonly entries = new Map<string, Buffer>();
  constructor(private readonly max = 100) {}
  async get(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.entries.get(key);
    if (hit) return hit;
    const pdf = await render();
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, pdf);
    return pdf;
  }
}

/** Learner and HR certificate pages, the PDF, revocation and re-issue, and the public verification pages. */
export function certificateRoutes(deps: CertificateRouteDeps): Router {
  const { store, clock, config } = deps;
  const router = Router();
  const pdfCache = new PdfCache();
  const verifyLimiter = rateLimit({
    windowMs: 60_000,
    limit: 30,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).render('errors/error', {
        title: res.locals.t('error.429.title'),
        message: res.locals.t('error.429.body'),
        noindex: true,
      });
    },
  });

  // The owner, HR and admins may see a certificate; to anyone else it does not exist.
  const loadVisible = async (req: Request, res: Response) => {
    const certificate = await store.get('certificates', String(req.params.id));
    const user = res.locals.user!;
    if (!certificate || (certificate.userId !== user.id && user.role !== 'hr' && user.role !== 'admin'))
      throw new NotFoundError();
    return certificate;
  };
  const canManage = (res: Response) => res.locals.user?.role === 'hr' || res.locals.user?.role === 'admin';

  const renderPage = async (res: Response, certificate: Readonly<Certificate>, extra: Record<string, unknown> = {}) => {
    const replacement = certificate.replacedBy ? await store.get('certificates', certificate.replacedBy) : undefined;
    res.render('certificates/certificate', {
      title: `Attestation — ${certificate.snapshot.courseTitle}`,
      certificate,
      replacement,
      verifyHref: verifyUrl(config, certificate),
      canManage: canManage(res),
      errors: {},
      values: {},
      ...extra,
    });
  };

  router.get('/certificates/:id', requireUser, async (req, res) => {
    await renderPage(res, await loadVisible(req, res));
  });

  router.get('/certificates/:id/attestation.pdf', requireUser, async (req, res) => {
    const certificate = await loadVisible(req, res);
    const pdf = await pdfCache.get(certificate.id, () =>
      renderCertificatePdf(certificate.snapshot, { verifyUrl: verifyUrl(config, certificate) }),
    );
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="attestation-${certificate.snapshot.shortCode}.pdf"`,
      'Cache-Control': 'private, no-store',
    });
    res.send(pdf);
  });

  router.post('/certificates/:id/revoke', ...requireRole('hr', 'admin'), async (req, res) => {
    const certificate = await loadVisible(req, res);
    const form = parseForm(RevokeForm, req.body);
    if (!form.ok) return renderPage(res.status(400), certificate, { errors: form.errors, values: form.values });
    try {
      await revokeCertificate(store, {
        id: certificate.id,
        reason: form.data.reason,
        actorId: res.locals.user!.id,
        now: clock(),
      });
    } catch (error) {
      if (!(error instanceof CertificateNotValidError)) throw error;
      return renderPage(res.status(409), certificate, {
        errors: { _form: 'Cette attestation n’est plus valide : elle ne peut pas être révoquée.' },
      });
    }
    res.redirect(303, `/certificates/${certificate.id}`);
  });

  router.post('/certificates/:id/reissue', ...requireRole('hr', 'admin'), async (req, res) => {
    const certificate = await loadVisible(req, res);
    const form = parseForm(ReissueForm, req.body);
    if (!form.ok) return renderPage(res.status(400), certificate, { errors: form.errors, values: form.values });
    try {
      const replacement = await reissueCertificate(store, {
        id: certificate.id,
        learnerName: form.data.learnerName,
        actorId: res.locals.user!.id,
        now: clock(),
      });
      res.redirect(303, `/certificates/${replacement.id}`);
    } catch (error) {
      if (!(error instanceof CertificateNotValidError)) throw error;
      return renderPage(res.status(409), certificate, {
        errors: { _form: 'Cette attestation n’est plus valide : elle ne peut pas être rééditée.' },
      });
    }
  });

  // Public verification: no account, no personal data beyond what the PDF prints, not indexed, rate-limited.
  router.use('/verify', verifyLimiter, (_req, res, next) => {
    res.set('X-Robots-Tag', 'noindex, nofollow');
    next();
  });

  router.get('/verify', async (req, res) => {
    const typed = typeof req.query.code === 'string' ? req.query.code : undefined;
    if (typed === undefined)
      return res.render('certificates/verify-form', { title: 'Vérifier une attestation', noindex: true, code: '' });
    const shortCode = normalizeShortCode(typed);
    const certificate = shortCode ? (await store.findBy('certificates', 'shortCode', shortCode))[0] : undefined;
    if (!certificate) {
      return res.status(404).render('certificates/verify-form', {
        title: 'Attestation introuvable',
        noindex: true,
        code: typed,
        notFound: true,
      });
    }
    res.redirect(303, `/verify/${certificate.token}`);
  });

  router.get('/verify/:token', async (req, res) => {
    const token = String(req.params.token);
    const certificate = /^[\w-]{16,64}$/.test(token)
      ? (await store.findBy('certificates', 'token', token))[0]
      : undefined;
    if (!certificate) {
      return res.status(404).render('certificates/verify-form', {
        title: 'Attestation introuvable',
        noindex: true,
        code: '',
        notFound: true,
      });
    }
    const replacement = certificate.replacedBy ? await store.get('certificates', certificate.replacedBy) : undefined;
    res.render('certificates/verify', {
      title: 'Vérification d’une attestation',
      noindex: true,
      certificate,
      replacement,
    });
  });

  return router;
}
