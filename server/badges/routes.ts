import { type RequestHandler, type Response, Router } from 'express';
import { requireUser } from '../accounts/guards.ts';
import { canSeeCertificate } from '../certificates/can-see-certificate.ts';
import { findCertificate } from '../certificates/queries.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../shared/clock.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { AppStore } from '../store/app-collections.ts';
import { achievementDocument } from './achievement.ts';
import type { CredentialKeyStore } from './credential-keys.ts';
import { issuerDocument } from './issuer-profile.ts';
import { certificateOfCourseVersion } from './queries.ts';
import { publicJwk, publicJwks, signCredential } from './sign-credential.ts';
import { revocationBits, statusListCredential } from './status-list.ts';
import { signCertificateCredential } from './use-cases/sign-certificate-credential.ts';

export interface BadgeRouteDeps {
  store: AppStore;
  clock: Clock;
  config: Config;
  keys: CredentialKeyStore;
}

type Handler = (deps: BadgeRouteDeps) => RequestHandler;

/**
 * Open Badges 3.0: the public documents a verifier fetches (issuer profile, keys, achievements, the
 * revocation list), and the holder's signed credential of a certificate (decision 012).
 */
export function badgeRoutes(deps: BadgeRouteDeps): Router {
  const router = Router();
  router.get('/.well-known/jwks.json', publicDocument(300), jwks(deps));
  router.get('/badges/issuer', publicDocument(3600), issuer(deps));
  router.get('/badges/keys/:id', publicDocument(3600), key(deps));
  router.get('/badges/achievements/:course/:version', publicDocument(3600), achievement(deps));
  // Short: a revocation reaches verifiers within five minutes.
  router.get('/badges/status/revocation', publicDocument(300), statusList(deps));
  router.get('/certificates/:id/badge.jwt', requireUser, downloadCredential(deps, 'jwt'));
  router.get('/certificates/:id/badge.json', requireUser, downloadCredential(deps, 'json'));
  return router;
}

/** No personal data: any verifier, from any site, may fetch it and keep it a while. */
const publicDocument =
  (seconds: number): RequestHandler =>
  (_req, res, next) => {
    res.set({
      'Cache-Control': `public, max-age=${seconds}`,
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
    next();
  };

const jwks: Handler = (deps) =>
  async function jwks(_req, res) {
    res.type('application/jwk-set+json').send(publicJwks(await deps.keys.read(), deps.config.baseUrl));
  };

const issuer: Handler = (deps) =>
  async function issuer(_req, res) {
    res.type('application/ld+json').send(issuerDocument(deps.config.org, deps.config.baseUrl));
  };

const key: Handler = (deps) =>
  async function key(req, res) {
    const found = (await deps.keys.read()).keys.find((k) => k.id === req.params.id);
    if (!found) throw new NotFoundError();
    res.type('application/jwk+json').send(publicJwk(found, deps.config.baseUrl));
  };

const achievement: Handler = (deps) =>
  async function achievement(req, res) {
    const version = Number(req.params.version);
    const certificate = Number.isInteger(version)
      ? await certificateOfCourseVersion(deps.store, String(req.params.course), version)
      : undefined;
    if (!certificate) throw new NotFoundError();
    res
      .type('application/ld+json')
      .send(achievementDocument(certificate.snapshot, certificate.course, deps.config.baseUrl));
  };

const statusList: Handler = (deps) =>
  async function statusList(_req, res) {
    const { config } = deps;
    const credential = statusListCredential(await revocationBits(deps.store), config.org, config.baseUrl, deps.clock());
    res.type('application/vc+jwt').send(await signCredential(credential, await deps.keys.read(), config.baseUrl));
  };

const downloadCredential = (deps: BadgeRouteDeps, format: 'jwt' | 'json'): RequestHandler =>
  async function downloadCredential(req, res: Response) {
    const certificate = await findCertificate(deps.store, String(req.params.id));
    if (!certificate || !canSeeCertificate(res.locals.user!, certificate)) throw new NotFoundError();
    const signDeps = { store: deps.store, keys: deps.keys, org: deps.config.org, baseUrl: deps.config.baseUrl };
    const { jwt, credential } = await signCertificateCredential(signDeps, certificate);
    const name = `badge-${certificate.snapshot.shortCode}.${format}`;
    res.set({ 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'private, no-store' });
    if (format === 'jwt') res.type('application/vc+jwt').send(jwt);
    else res.type('application/json').send(`${JSON.stringify(credential, null, 2)}\n`);
  };
