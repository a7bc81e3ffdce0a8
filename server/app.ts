import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, Router } from 'express';
import { accessibilityRoutes } from './accessibility/accessibility-routes.ts';
import { navigationFor } from './accounts/navigation.ts';
import { adminRoutes } from './accounts/routes/admin-routes.ts';
import { sessionRoutes } from './accounts/routes/session-routes.ts';
import { loadSession } from './accounts/session-cookie.ts';
import { assignmentRoutes } from './assignments/routes/assignment-routes.ts';
import type { CredentialKeyStore } from './badges/credential-keys.ts';
import { CatalogHolder } from './catalog/catalog-holder.ts';
import type { Catalog } from './catalog/course.ts';
import { issueCertificate } from './certificates/issue-certificate.ts';
import { issueWaitingCertificate } from './certificates/issue-waiting-certificate.ts';
import { issuerOf } from './certificates/issuer-of.ts';
import type { Config } from './config.ts';
import { benchMetrics } from './http/bench-metrics.ts';
import { compressResponses } from './http/compress-responses.ts';
import { csrfProtection } from './http/csrf.ts';
import { errorHandler, notFoundHandler } from './http/error-handler.ts';
import { inOrder } from './http/in-order.ts';
import { lazyRoutes } from './http/lazy-routes.ts';
import { onlyWithBody } from './http/only-with-body.ts';
import { parseQuery } from './http/parse-query.ts';
import { requestId, requestLog } from './http/request-log.ts';
import { routesUnder } from './http/routes-under.ts';
import { noStoreWhenSignedIn, securityHeaders } from './http/security-headers.ts';
import { staticAssets } from './http/static-assets.ts';
import type { Clock } from './shared/clock.ts';
import './http/locals.ts';
import './accounts/locals.ts';
import { commitmentRoutes } from './commitments/routes.ts';
import { formatDateFr } from './i18n/format-date-fr.ts';
import { formatDateTimeFr } from './i18n/format-date-time-fr.ts';
import { formatDurationFr } from './i18n/format-duration-fr.ts';
import { translate } from './i18n/translate.ts';
import { certificateClaimRoutes } from './learning/certificate-claim-routes.ts';
import { courseReach } from './learning/course-reach.ts';
import type { LearningDeps } from './learning/learning-deps.ts';
import { meRoutes } from './learning/me-routes.ts';
import { quizRoutes } from './learning/quiz-routes.ts';
import { readingRoutes } from './learning/routes.ts';
import { forwardCompletion, forwardLearning } from './lrs/lrs-notices.ts';
import { lrsRoutes } from './lrs/routes.ts';
import { mailCertificate, mailPasswordLinks } from './mail/mail-notices.ts';
import { mailRoutes } from './mail/routes.ts';
import { faceLocals } from './network/face/face-locals.ts';
import { logoRoutes } from './network/face/logo-routes.ts';
import { faceRoutes, isLogoUpload } from './network/routes/face-routes.ts';
import { grantRoutes, networkRoutes } from './network/routes/network-routes.ts';
import type { StoreKind } from './open-app-store.ts';
import { privacyRoutes } from './privacy/routes.ts';
import { reminderRoutes } from './reminders/routes/reminder-routes.ts';
import { unsubscribeKey } from './reminders/unsubscribe-token.ts';
import { retentionDeps } from './retention-deps.ts';
import { questionnaireRoutes } from './satisfaction/routes/questionnaire-routes.ts';
import { hrSatisfactionRoutes } from './satisfaction/routes/report-routes.ts';
import { type Log, silentLog } from './shared/log.ts';
import type { AppStore } from './store/app-collections.ts';
import type { Cluster } from './store/cluster/cluster.ts';
import { localCluster } from './store/cluster/local-cluster.ts';
import { FaceCache } from './structures/face/face-cache.ts';
import { isStudioUpload, studioFormParser } from './studio/studio-body-parsing.ts';
import { studioPaths } from './studio/studio-paths.ts';
import { type CourseTreeSync, noTreeSync, storeTreeSync } from './studio/tree-sync/course-tree-sync.ts';
import { followPublications, sharedCourseLock } from './studio/tree-sync/shared-course-lock.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface AppDeps {
  config: Config;
  /** The published catalog; a holder when it can change at run time (studio publications). */
  catalog: Catalog | CatalogHolder;
  store: AppStore;
  clock: Clock;
  /** Signs CSRF tokens; generated once per installation and kept in the store. */
  csrfSecret: string;
  /** Which store is behind `store`, as /healthz reports it. */
  storeKind?: StoreKind;
  /** What instances share beyond rows (locks, counters, signals); one process alone when not given. */
  cluster?: Cluster;
  /** The studio's course folders kept in the store; by default, in PostgreSQL when the cluster is there. */
  courseTrees?: CourseTreeSync;
  /** Request and error log; silent when not given (tests). */
  log?: Log;
  /** The keys that sign Open Badges credentials; by default beside the store (badges/key-store-for.ts). */
  credentialKeys?: CredentialKeyStore;
}

/** Builds the application without listening, so tests drive the real app with supertest. */
export function createApp(deps: AppDeps): Express {
  const { config, store, clock } = deps;
  const log = deps.log ?? silentLog;
  const cluster = deps.cluster ?? localCluster();
  const catalogHolder = deps.catalog instanceof CatalogHolder ? deps.catalog : new CatalogHolder(deps.catalog);
  const paths = studioPaths(config);
  const trees = deps.courseTrees ?? (cluster.kind === 'postgres' ? storeTreeSync(store, paths) : noTreeSync);
  // A course published on another instance is served here as soon as it is announced.
  void followPublications({ cluster, trees, catalog: catalogHolder, paths, clock }, (err) =>
    log.error({ err }, 'studio: could not load a course published on another instance'),
  ).catch((err: unknown) => log.error({ err }, 'studio: cannot follow publications'));
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', parseQuery);
  app.set('view engine', 'ejs');
  app.set('views', path.join(root, 'views'));
  app.set('view cache', config.env !== 'development');
  app.locals.appName = config.org.name;
  app.locals.formatMinutes = formatDurationFr;
  // One format per kind of value on every page: « 23 novembre 2026 », « 23 novembre 2026 à 14:05 ».
  app.locals.formatDate = formatDateFr;
  app.locals.formatDateTime = formatDateTimeFr;

  // Express's router costs each request about a microsecond per layer it walks past: middlewares that
  // every request runs are grouped with inOrder, one layer each group (decision 026).
  app.use(
    inOrder(
      requestId,
      ...(config.logRequests ? [requestLog(log)] : []),
      securityHeaders(config.secure, config.oidc ? [new URL(config.oidc.issuer).origin] : []),
      (_req, res, next) => {
        // One dictionary today; choosing it per request is where an English interface would plug in.
        res.locals.t = translate;
        next();
      },
    ),
  );
  // Fingerprinted, precompressed files from memory; the rest (and other names) from disk as before.
  const assets = staticAssets(path.join(root, 'public'), '/static', path.join(config.dataDir, 'cache', 'static'));
  app.locals.assetUrl = assets.url;
  app.use(
    '/static',
    inOrder(
      assets.handler,
      express.static(path.join(root, 'public'), { maxAge: config.env === 'production' ? '7d' : 0, index: false }),
    ),
  );
  // For load balancers: 503 while the store cannot answer (a PostgreSQL outage), so traffic goes elsewhere.
  const health = Router().get('/healthz', async (_req, res) => {
    const storeKind = deps.storeKind ?? 'journal';
    try {
      await store.count('settings');
      res.json({ status: 'ok', store: storeKind, courses: catalogHolder.get().courses.length });
    } catch {
      res.status(503).json({ status: 'unavailable', store: storeKind });
    }
  });
  const metrics = benchMetrics();
  // With SMTP_URL, password links and certificates go by e-mail through the outbox (decision 010).
  const accountDeps = {
    store,
    config,
    clock,
    counters: cluster.counters,
    onPasswordLink: config.mail ? mailPasswordLinks(config) : undefined,
  };
  // Each structure's face (decision 023): the header's name, logo and colour for the person's structure.
  const faces = new FaceCache(store, config.org);
  app.use(
    inOrder(
      compressResponses,
      routesUnder(['/healthz'], health),
      ...(metrics ? [metrics] : []),
      // Logos are public and immutable (named by their hash): served before any session is read.
      routesUnder(['/logos'], logoRoutes(store)),
      routesUnder(['/studio'], studioFormParser),
      onlyWithBody(express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 2000 })),
      loadSession(accountDeps),
      csrfProtection(deps.csrfSecret, config.secure, {
        deferMultipart: (req) => isStudioUpload(req) || isLogoUpload(req),
      }),
      noStoreWhenSignedIn,
      faceLocals(faces),
      (_req, res, next) => {
        res.locals.navItems = navigationFor(res.locals.user, res.locals.t, res.locals.roles);
        next();
      },
    ),
  );

  const learningDeps: LearningDeps = {
    getCatalog: () => catalogHolder.get(),
    store,
    clock,
    config,
    // Completing a course issues its certificate in the same durable write.
    onCourseCompleted: async (tx, enrollment, course) => {
      const now = clock();
      const issuer = await issuerOf(tx, enrollment.userId, config.org);
      const certificate = await issueCertificate(tx, { enrollment, course, issuer, now });
      if (certificate && config.mail) await mailCertificate(tx, certificate, config, now);
      if (config.lrs) await forwardCompletion(tx, enrollment, course, config, now);
    },
    // With LRS_ENDPOINT, each step's xAPI statements are queued in its transaction (server/lrs/).
    onLearningRecorded: config.lrs ? forwardLearning(config, clock) : undefined,
    onCompletedCourseActivity: async (tx, userId, course) => {
      const now = clock();
      const issuer = await issuerOf(tx, userId, config.org);
      const certificate = await issueWaitingCertificate(tx, { userId, course, issuer, now });
      if (certificate && config.mail) await mailCertificate(tx, certificate, config, now);
      return certificate?.id;
    },
  };
  const privacyDeps = {
    ...retentionDeps(store, config, clock),
    getCatalog: learningDeps.getCatalog,
    draftLock: sharedCourseLock({ cluster, trees, catalog: catalogHolder, paths, clock }),
  };
  const faceDeps = { store, clock, faces, defaults: config.org, tmpDir: paths.tmpDir };
  const reminderDeps = { store, clock, config, unsubscribeKey: unsubscribeKey(deps.csrfSecret) };
  // Each group of routes is skipped at once by requests outside its paths (routes-under.ts): a module
  // page no longer walks past every sign-in and administration route. A new route goes under its prefix.
  // The whole table is one layer of Express's router (in-order.ts), tried in this order.
  app.use(
    inOrder(
      routesUnder(['/accessibilite'], accessibilityRoutes(config)),
      routesUnder(
        ['/confidentialite', '/me/data', '/admin/users', '/admin/audit', '/admin/audit.csv'],
        privacyRoutes(privacyDeps),
      ),
      routesUnder(['/login', '/logout', '/setup', '/invitations', '/reset', '/account'], sessionRoutes(accountDeps)),
      routesUnder(['/admin/emails'], mailRoutes(accountDeps)),
      routesUnder(['/admin/lrs'], lrsRoutes(accountDeps)),
      routesUnder(['/admin/structures'], networkRoutes({ store, clock })),
      routesUnder(['/admin/structures'], faceRoutes(faceDeps)),
      routesUnder(['/admin/users'], grantRoutes({ store, clock })),
      routesUnder(['/admin'], adminRoutes(accountDeps)),
      routesUnder(
        ['/me/engagements'],
        commitmentRoutes({ ...learningDeps, courseReach: courseReach(store, learningDeps.getCatalog) }),
      ),
      routesUnder(['/me'], meRoutes(learningDeps)),
      // Certificates, HR reports and the studio load their heavy libraries (pdfkit, zip) on first use.
      lazyRoutes(['/certificates', '/verify'], async () => {
        const { badgeFields } = await import('./badges/badge-fields.ts');
        return (await import('./certificates/routes.ts')).certificateRoutes({
          store,
          clock,
          config,
          counters: cluster.counters,
          badgeFields: (certificate) => badgeFields(certificate, config.org, config.baseUrl),
        });
      }),
      // Open Badges: public documents for verifiers, and the holder's signed credential under /certificates.
      lazyRoutes(['/.well-known/jwks.json', '/badges', '/certificates'], async () => {
        const { keyStoreFor } = await import('./badges/key-store-for.ts');
        const keys = deps.credentialKeys ?? keyStoreFor(deps.storeKind ?? 'journal', store, config.dataDir);
        return (await import('./badges/routes.ts')).badgeRoutes({ store, clock, config, keys });
      }),
      routesUnder(['/hr/assignments'], assignmentRoutes(learningDeps)),
      routesUnder(['/hr/satisfaction'], hrSatisfactionRoutes(learningDeps)),
      routesUnder(['/unsubscribe', '/hr/digest'], reminderRoutes(reminderDeps)),
      lazyRoutes(['/hr'], async () => (await import('./hr/routes.ts')).hrRoutes(learningDeps)),
      lazyRoutes(['/studio'], async () =>
        (await import('./studio/studio-routes.ts')).studioRoutes({
          catalogHolder,
          store,
          clock,
          config,
          cluster,
          trees,
        }),
      ),
      routesUnder(['/satisfaction'], questionnaireRoutes(learningDeps)),
      readingRoutes(learningDeps),
      // After the reading routes, which never match a quiz's paths: a module page is not held up by them.
      quizRoutes(learningDeps),
      certificateClaimRoutes(learningDeps),
    ),
  );
  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app;
}
