// Seeds a store with the network of the plan: its tree, its staff and their learning (the rows of the
// other benchmarks, `seedInto`), one course assigned to everyone and already due, and two HR accounts.
import { hashPassword } from '../../server/accounts/password.ts';
import type { User } from '../../server/accounts/schema.ts';
import type { Assignment } from '../../server/assignments/schema.ts';
import type { Catalog } from '../../server/catalog/course.ts';
import type { AppStore } from '../../server/store/app-collections.ts';
import { type Grant, rootCode } from '../../server/structures/schema.ts';
import { writeStructure } from '../../server/structures/tree-revision.ts';
import { int } from './figures.ts';
import type { NetworkPlan } from './network-plan.ts';
import { benchPassword, seedInto } from './seed.ts';

/** The HR granted hr on the first federation, and the HR of the whole network (password: benchPassword). */
export const networkHr = {
  federation: { email: 'rh.federation@exemple.org', name: 'RH de la fédération' },
  network: { email: 'rh.reseau@exemple.org', name: 'RH du réseau' },
};

export interface SeededNetwork {
  seconds: number;
  toString(): string;
}

export async function seedNetwork(
  store: AppStore,
  options: { catalog: Catalog; plan: NetworkPlan; staff: number; progressRows: number; at: string },
): Promise<SeededNetwork> {
  const { catalog, plan, at } = options;
  const started = performance.now();
  await store.transact((tx) => {
    for (const structure of plan.structures) writeStructure(tx, structure);
  });
  const seed = await seedInto(store, {
    catalog,
    learners: options.staff,
    progressRows: options.progressRows,
    structureOf: plan.structureOf,
    completeEvery: 3,
    onProgress: (rows) => process.stderr.write(`\rseeding: ${int(rows)} progress rows   `),
  });
  process.stderr.write('\n');
  const passwordHash = await hashPassword(benchPassword);
  const course = catalog.courses[0]!;
  const federation = plan.federations[0]!;
  await store.transact((tx) => {
    for (const [who, { email, name }] of Object.entries(networkHr))
      tx.put('users', {
        id: `hr-${who}`,
        email,
        name,
        role: who === 'network' ? 'hr' : 'learner',
        structure: who === 'network' ? rootCode : federation,
        matricule: null,
        passwordHash,
        active: true,
        createdAt: at,
        updatedAt: at,
      } satisfies User);
    tx.put('grants', {
      id: 'grant-federation-hr',
      userId: 'hr-federation',
      role: 'hr',
      structureId: federation,
      createdAt: at,
    } satisfies Grant);
    tx.put('assignments', {
      id: 'assignment-everyone',
      course: course.slug,
      courseTitle: course.title,
      target: 'everyone',
      structure: null,
      userIds: [],
      dueDate: '2026-10-01',
      status: 'active',
      createdAt: at,
      createdBy: 'hr-network',
      withdrawnAt: null,
      withdrawnBy: null,
    } satisfies Assignment);
  });
  const { counts } = seed;
  return {
    seconds: (performance.now() - started) / 1000,
    toString: () =>
      `${int(counts.users ?? 0)} accounts, ${int(counts.enrollments ?? 0)} enrollments, ${int(counts.progress ?? 0)} progress rows, ${int(counts.certificates ?? 0)} certificates`,
  };
}
