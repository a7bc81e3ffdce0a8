import { type Request, type RequestHandler, type Response, Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { requireRole, requireUser } from '../accounts/guards.ts';
import type { Config } from '../config.ts';
import { parseForm } from '../http/parse-form.ts';
import { SharedRateLimitStore } from '../http/shared-rate-limit-store.ts';
import { translate } from '../i18n/translate.ts';
import type { Clock } from '../shared/clock.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { SharedCounters } from '../store/cluster/cluster.ts';
import { inScope, scopeOf } from '../structures/scope.ts';
import { canSeeCertificate } from './can-see-certificate.ts';
import { type BadgeFieldsOf, certificatePage, type FormState, verificationPage } from './certificate-pages.ts';
import { certificatePdf } from './certificate-pdf.ts';
import { CertificateNotValidError } from './errors.ts';
import { normalizeShortCode } from './normalize-short-code.ts';
import { PdfCache } from './pdf-cache.ts';
import { findCertificate, findCertificateByShortCode, findCertificateByToken } from './queries.ts';
import { reissueCertificate } from './reissue-certificate.ts';
import { revokeCertificate } from './revoke-certificate.ts';
import type { Certificate } from './schema.ts';

export interface CertificateRouteDeps {
  store: AppStore;
  clock: Clock;
  config: Config;
  /** The rate limit of /verify counts across instances. */
  counters: SharedCounters;
  /** What the certificate's signed Open Badges credential says, shown on its pages (wired in app.ts). */
  badgeFields?: BadgeFieldsOf;
}

type Handler = (deps: CertificateRouteDeps) => RequestHandler;

/** Holder and HR certificate pages, the PDF, revocation and re-issue, and the public verification pages. */
export function certificateRoutes(deps: CertificateRouteDeps): Router {
  const hrOrAdmin = requireRole('hr', 'admin');
  const router = Router();
  router.use('/certificates', noStore);
  router.get('/certificates/:id', requireUser, showCertificate(deps));
  router.get('/certificates/:id/attestation.pdf', requireUser, downloadPdf(deps, new PdfCache()));
  router.post('/certificates/:id/revoke', ...hrOrAdmin, revoke(deps));
  router.post('/certificates/:id/reissue', ...hrOrAdmin, reissue(deps));
  // Public: no account, nothing beyond what the PDF prints, not indexed, rate-limited against enumeration.
  router.use('/verify', verifyLimiter(deps.counters), publicPage);
  router.get('/verify', findByCode(deps));
  router.get('/verify/:token', showVerification(deps));
  return router;
}

const RevokeForm = z.object({
  reason: z
    .string()
    .trim()
    .min(3, translate('certificates.revoke.reasonMissing'))
    .max(500, translate('certificates.revoke.reasonTooLong')),
  confirm: z.literal('yes', { error: translate('certificates.revoke.confirmMissing') }),
});
const ReissueForm = z.object({
  learnerName: z
    .string()
    .trim()
    .min(1, translate('certificates.reissue.nameMissing'))
    .max(120, translate('certificates.reissue.nameTooLong')),
});

/** The certificate of the URL, if this person may see it: to anyone else it does not exist. */
async function visibleCertificate(deps: CertificateRouteDeps, req: Request, res: Response) {
  const certificate = await findCertificate(deps.store, String(req.params.id));
  const viewer = res.locals.user!;
  if (!certificate || !canSeeCertificate(viewer, certificate, res.locals.roles)) throw new NotFoundError();
  // HR and admins manage the certificates of the people in their scope only.
  if (certificate.userId !== viewer.id) {
    const holder = await deps.store.get('users', certificate.userId);
    const scope = await scopeOf(deps.store, viewer, ['hr', 'admin']);
    if (!holder || !inScope(scope, holder.structure)) throw new NotFoundError();
  }
  return certificate;
}

async function renderPage(
  deps: CertificateRouteDeps,
  res: Response,
  certificate: Readonly<Certificate>,
  form?: FormState,
) {
  const page = await certificatePage(
    certificate,
    res.locals.user,
    { store: deps.store, baseUrl: deps.config.baseUrl, badgeFields: deps.badgeFields, roles: res.locals.roles },
    form,
  );
  res.render('certificates/certificate', page);
}

const showCertificate: Handler = (deps) =>
  async function showCertificate(req, res) {
    await renderPage(deps, res, await visibleCertificate(deps, req, res));
  };

const downloadPdf = (deps: CertificateRouteDeps, cache: PdfCache): RequestHandler =>
  async function downloadPdf(req, res) {
    const certificate = await visibleCertificate(deps, req, res);
    const pdf = await certificatePdf(certificate, { baseUrl: deps.config.baseUrl, cache, store: deps.store });
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="attestation-${certificate.snapshot.shortCode}.pdf"`,
      'Cache-Control': 'private, no-store',
    });
    res.send(pdf);
  };

const revoke: Handler = (deps) =>
  async function revoke(req, res) {
    const certificate = await visibleCertificate(deps, req, res);
    const form = parseForm(RevokeForm, req.body);
    if (!form.ok) return renderPage(deps, res.status(400), certificate, form);
    const input = { id: certificate.id, reason: form.data.reason, actorId: res.locals.user!.id, now: deps.clock() };
    try {
      await revokeCertificate(deps.store, input);
    } catch (error) {
      if (!(error instanceof CertificateNotValidError)) throw error;
      const errors = { _form: translate('certificates.revoke.notValid') };
      return renderPage(deps, res.status(409), certificate, { errors, values: {} });
    }
    res.redirect(303, `/certificates/${certificate.id}`);
  };

const reissue: Handler = (deps) =>
  async function reissue(req, res) {
    const certificate = await visibleCertificate(deps, req, res);
    const form = parseForm(ReissueForm, req.body);
    if (!form.ok) return renderPage(deps, res.status(400), certificate, form);
    const input = {
      id: certificate.id,
      learnerName: form.data.learnerName,
      actorId: res.locals.user!.id,
      now: deps.clock(),
    };
    try {
      const replacement = await reissueCertificate(deps.store, input);
      res.redirect(303, `/certificates/${replacement.id}`);
    } catch (error) {
      if (!(error instanceof CertificateNotValidError)) throw error;
      const errors = { _form: translate('certificates.reissue.notValid') };
      return renderPage(deps, res.status(409), certificate, { errors, values: {} });
    }
  };

function verifyLimiter(counters: SharedCounters): RequestHandler {
  return rateLimit({
    store: new SharedRateLimitStore(counters, 'verify'),
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
}

/** Everything under /certificates belongs to a signed-in person: never kept by a browser or a proxy. */
const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

/**
 * A public page is not indexed, and a browser may keep it a minute, unless it names someone: the signed-in
 * visitor in its header, or (see showVerification) the holder of a valid certificate.
 */
const publicPage: RequestHandler = (_req, res, next) => {
  res.set({
    'X-Robots-Tag': 'noindex, nofollow',
    'Cache-Control': res.locals.user ? 'no-store' : 'private, max-age=60',
  });
  next();
};

/** The code typed from paper is found, then shown at its token's address; an unknown one is said so. */
const findByCode: Handler = (deps) =>
  async function findByCode(req, res) {
    const typed = typeof req.query.code === 'string' ? req.query.code : undefined;
    if (typed === undefined) {
      return res.render('certificates/verify-form', {
        title: translate('certificates.verify.formTitle'),
        noindex: true,
        code: '',
      });
    }
    const shortCode = normalizeShortCode(typed);
    const certificate = shortCode ? await findCertificateByShortCode(deps.store, shortCode) : undefined;
    if (!certificate) return renderNotFound(res, typed);
    res.redirect(303, `/verify/${certificate.token}`);
  };

const showVerification: Handler = (deps) =>
  async function showVerification(req, res) {
    const token = String(req.params.token);
    const certificate = /^[\w-]{16,64}$/.test(token) ? await findCertificateByToken(deps.store, token) : undefined;
    if (!certificate) return renderNotFound(res, '');
    const page = await verificationPage(certificate, deps);
    if (page.holderShown) res.set('Cache-Control', 'no-store');
    res.render('certificates/verify', page);
  };

function renderNotFound(res: Response, code: string): void {
  res.status(404).render('certificates/verify-form', {
    title: translate('certificates.verify.notFoundTitle'),
    noindex: true,
    code,
    notFound: true,
  });
}
