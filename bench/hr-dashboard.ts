// HR dashboard benchmark: 10,000 learners, 30,000 enrollments, 100,000 progress rows and a certificate per
// completion in a temporary store, then the time of dashboard requests through the real app (supertest).
// Usage: tsx bench/hr-dashboard.ts [--learners 10000] [--runs 5]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import request from 'supertest';
import { hashPassword } from '../server/accounts/password.ts';
import type { User } from '../server/accounts/schema.ts';
import { createApp } from '../server/app.ts';
import type { Catalog, Course } from '../server/catalog/course.ts';
import { loadCatalog } from '../server/catalog/load-catalog.ts';
import type { Certificate } from '../server/certificates/schema.ts';
import { loadConfig } from '../server/config.ts';
import type { Enrollment, ModuleProgress } from '../server/learning/schema.ts';
import { openAppStore } from '../server/open-app-store.ts';
import type { AppStore } from '../server/store/app-collections.ts';
import { benchCertificate } from './lib/certificate-row.ts';

const { values: args } = parseArgs({
  options: { learners: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' } },
});
const learnerCount = Number(args.learners);
const runs = Number(args.runs);
const enrollmentsPerLearner = 3;
const progressTarget = learnerCount * 10;
const batchSize = 1_000;
const password = 'banc d’essai du tableau de bord';

const root = path.resolve(import.meta.dirname, '..');
const bundled = (await loadCatalog(path.join(root, 'courses'))).catalog;
// Four published courses (the bundled ones and copies), so each learner can follow three of them.
const courses: Course[] = [...bundled.courses];
const copies: [slug: string, title: string][] = [
  ['accueil-public', 'Accueil du public'],
  ['rgpd-essentiel', 'RGPD : l’essentiel'],
  ['gestes-postures', 'Gestes et postures'],
];
for (const [slug, title] of copies) {
  if (courses.length < 4) courses.push({ ...bundled.courses[0]!, slug, title });
}
const catalog: Catalog = { courses, bySlug: new Map(courses.map((course) => [course.slug, course])) };

const structures = Array.from({ length: 20 }, (_, index) => `Structure ${index + 1} — Élan solidaire`);
const firstNames = ['Zoé', 'Mathéo', 'Anaïs', 'Noël', 'Léa', 'François', 'Chloé', 'Jérôme', 'Inès', 'Aurélien'];
const lastNames = ['Lefèvre', 'Dubois', 'Ngô', 'Östergård', "O'Neil", 'Martin-Péré', 'Bernard', 'Roux'];
const day = 86_400_000;
const origin = Date.UTC(2025, 0, 6, 8);
const iso = (time: number) => new Date(time).toISOString();

/** Writes rows in transactions of `batchSize`, as an import would. */
async function fill<K extends 'users' | 'enrollments' | 'progress' | 'certificates'>(
  store: AppStore,
  coll: K,
  rows: Iterable<User | Enrollment | ModuleProgress | Certificate>,
): Promise<number> {
  let batch: (User | Enrollment | ModuleProgress | Certificate)[] = [];
  let count = 0;
  const flush = async () => {
    const pending = batch;
    batch = [];
    await store.transact((tx) => {
      for (const row of pending) tx.put(coll, row as never);
    });
  };
  for (const row of rows) {
    batch.push(row);
    count += 1;
    if (batch.length === batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return count;
}

function* users(): Generator<User> {
  for (let index = 0; index < learnerCount; index += 1) {
    yield {
      id: `u${index}`,
      email: `apprenant.${index}@exemple.org`,
      name: `${firstNames[index % firstNames.length]} ${lastNames[(index * 7) % lastNames.length]} ${index}`,
      role: 'learner',
      structure: structures[index % structures.length]!,
      matricule: index % 5 === 0 ? null : `M-${String(index).padStart(6, '0')}`,
      passwordHash: null,
      active: index % 50 !== 0,
      createdAt: iso(origin),
      updatedAt: iso(origin),
    };
  }
}

/** Learner i follows three of the four courses; one enrollment in three is completed. */
function* pairs(): Generator<{ user: number; course: Course; index: number; completed: boolean }> {
  let index = 0;
  for (let user = 0; user < learnerCount; user += 1) {
    for (let k = 0; k < enrollmentsPerLearner; k += 1) {
      yield { user, course: courses[(user + k) % courses.length]!, index, completed: index % 3 === 0 };
      index += 1;
    }
  }
}

const startedAt = (index: number) => origin + (index % 600) * day;
const completedAt = (index: number) => startedAt(index) + 5 * day + (index % 17) * 3_600_000;

const perPair = Math.ceil(progressTarget / (learnerCount * enrollmentsPerLearner));
const moduleSeconds = (index: number, module: number) => 60 + ((index * 31 + module * 17) % 1_200);
/** The modules pair `index` has progress rows for: `perPair`, until the target number of rows is reached. */
const modulesOf = (index: number) => Math.max(0, Math.min(perPair, progressTarget - index * perPair));

function* enrollments(): Generator<Enrollment> {
  for (const { user, course, index, completed } of pairs()) {
    let seconds = 0;
    for (let module = 0; module < modulesOf(index); module += 1) seconds += moduleSeconds(index, module);
    yield {
      id: `u${user}|${course.slug}`,
      userId: `u${user}`,
      course: course.slug,
      courseTitle: course.title,
      courseVersion: course.version,
      contentHash: course.contentHash,
      startedAt: iso(startedAt(index)),
      lastSeenAt: iso(completed ? completedAt(index) : startedAt(index) + day),
      lastModule: course.modules[0]?.slug ?? 'm1',
      completedAt: completed ? iso(completedAt(index)) : null,
      finalScore: completed ? 60 + (index % 41) : null,
      seconds,
    };
  }
}

function* progress(): Generator<ModuleProgress> {
  for (const { user, course, index } of pairs()) {
    for (let module = 0; module < modulesOf(index); module += 1) {
      yield {
        id: `u${user}|${course.slug}|m${module}`,
        userId: `u${user}`,
        course: course.slug,
        module: `m${module}`,
        courseVersion: course.version,
        contentHash: course.contentHash,
        firstSeenAt: iso(startedAt(index)),
        lastSeenAt: iso(startedAt(index) + 3_600_000),
        seconds: moduleSeconds(index, module),
        readAt: iso(startedAt(index)),
        passedAt: null,
        bestScore: null,
      };
    }
  }
}

function* certificates(): Generator<Certificate> {
  for (const { user, course, index, completed } of pairs()) {
    if (completed)
      yield benchCertificate({
        index,
        userId: `u${user}`,
        course,
        completedAt: iso(completedAt(index)),
        score: 60 + (index % 41),
      });
  }
}

const dir = await mkdtemp(path.join(tmpdir(), 'passerelle-bench-hr-'));
const store = await openAppStore(dir);
try {
  const fillStarted = performance.now();
  const counts = {
    users: await fill(store, 'users', users()),
    enrollments: await fill(store, 'enrollments', enrollments()),
    progress: await fill(store, 'progress', progress()),
    certificates: await fill(store, 'certificates', certificates()),
  };
  await fill(store, 'users', [
    {
      id: 'hr',
      email: 'rh@exemple.org',
      name: 'Service RH',
      role: 'hr',
      structure: structures[0]!,
      matricule: null,
      passwordHash: await hashPassword(password),
      active: true,
      createdAt: iso(origin),
      updatedAt: iso(origin),
    },
  ]);
  console.log(
    `store: ${counts.users} learners, ${counts.enrollments} enrollments, ${counts.progress} progress rows, ` +
      `${counts.certificates} certificates (filled in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s)`,
  );

  // The dashboard is measured, not the second factor an admin's first sign-in would ask for.
  const config = {
    ...loadConfig({ NODE_ENV: 'production', LOG_REQUESTS: 'false', MFA_REQUIRED_ROLES: 'none' }),
    dataDir: dir,
  };
  const app = createApp({ config, catalog, store, clock: () => new Date(), csrfSecret: 'bench' });
  const agent = request.agent(app);
  const login = await agent.get('/login');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(login.text)?.[1];
  await agent.post('/login').type('form').send({ _csrf: csrf, email: 'rh@exemple.org', password }).expect(303);

  // CPU time next to wall time: on a shared machine the wall clock also counts other processes.
  const timeOf = async (url: string): Promise<{ ms: number; cpuMs: number; rows: string }> => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const res = await agent.get(url).expect(200);
    const ms = performance.now() - started;
    const { user, system } = process.cpuUsage(cpu);
    return { ms, cpuMs: (user + system) / 1000, rows: /<caption>(\d+) réalisation/.exec(res.text)?.[1] ?? '0' };
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

  const cold = await timeOf('/hr');
  console.log(
    `GET /hr (first request, templates compiled): ${cold.ms.toFixed(0)} ms (CPU ${cold.cpuMs.toFixed(0)} ms), ${cold.rows} rows`,
  );
  const urls = [
    '/hr',
    `/hr?sort=completedAt&dir=desc&page=200`,
    `/hr?course=${courses[0]!.slug}`,
    `/hr?structure=${encodeURIComponent(structures[3]!)}&from=2025-03-01&to=2025-12-31&status=completed`,
  ];
  for (const url of urls) {
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let rows = '0';
    for (let run = 0; run < runs; run += 1) {
      const result = await timeOf(url);
      times.push(result.ms);
      cpuTimes.push(result.cpuMs);
      rows = result.rows;
    }
    console.log(
      `GET ${url}: median ${median(times).toFixed(0)} ms (CPU ${median(cpuTimes).toFixed(0)} ms) of ${runs}, ` +
        `max ${Math.max(...times).toFixed(0)} ms, ${rows} rows`,
    );
  }
} finally {
  await store.close();
  await rm(dir, { recursive: true, force: true });
}
