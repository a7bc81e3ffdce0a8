// A national network for the benchmarks: the root, twelve regional federations, a thousand associations
// under them and, in one association in five, two services. Staff are spread over associations and
// services, unevenly (a few large associations, many small ones), as a real network is.
import type { Structure } from '../../server/structures/schema.ts';
import { rootCode } from '../../server/structures/schema.ts';

export interface NetworkPlan {
  structures: Structure[];
  federations: string[];
  /** Where person `i` works: an association or one of its services. */
  structureOf(i: number): string;
}

const regions = [
  'Bretagne',
  'Normandie',
  'Hauts-de-France',
  'Grand Est',
  'Île-de-France',
  'Centre-Val de Loire',
  'Bourgogne-Franche-Comté',
  'Pays de la Loire',
  'Nouvelle-Aquitaine',
  'Occitanie',
  'Auvergne-Rhône-Alpes',
  'Provence-Alpes-Côte d’Azur',
];

export function networkPlan(associations: number, at: string): NetworkPlan {
  const row = (id: string, name: string, parentId: string | null): Structure => ({
    id,
    name,
    parentId,
    createdAt: at,
    updatedAt: at,
  });
  const structures = [row(rootCode, 'Réseau national', null)];
  const federations = regions.map((region, f) => {
    const code = `fed-${String(f + 1).padStart(2, '0')}`;
    structures.push(row(code, `Fédération ${region}`, rootCode));
    return code;
  });
  const workplaces: string[] = [];
  for (let a = 0; a < associations; a++) {
    const code = `asso-${String(a + 1).padStart(4, '0')}`;
    structures.push(
      row(code, `Association ${a + 1} — ${regions[a % regions.length]}`, federations[a % regions.length]!),
    );
    workplaces.push(code);
    if (a % 5 === 0)
      for (const service of ['accueil', 'insertion']) {
        structures.push(row(`${code}-${service}`, `Service ${service} — association ${a + 1}`, code));
        workplaces.push(`${code}-${service}`);
      }
  }
  return {
    structures,
    federations,
    // The square skews sizes: the first workplaces get many people, the last ones a handful.
    structureOf: (i) => {
      const u = ((i * 2_654_435_761) % 4_294_967_296) / 4_294_967_296;
      return workplaces[Math.floor(u * u * workplaces.length)]!;
    },
  };
}
