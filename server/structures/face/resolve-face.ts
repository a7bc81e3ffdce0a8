// A structure's face and its inheritance: each part not set on a structure comes from the nearest
// ancestor that sets it, and the root's defaults are the installation's (ORG_NAME, ORG_CITY), so a
// single association sees what it saw before structures had faces (decision 023).
import { type LogoRef, rootCode, type Structure } from '../schema.ts';

/** The parts of the face a structure may set itself. */
export type OwnFace = Pick<Structure, 'logo' | 'colour' | 'signatoryPlace' | 'signatoryName'>;
const faceParts = ['logo', 'colour', 'signatoryPlace', 'signatoryName'] as const;

/** What pages, e-mails and attestations show for a person. */
export interface Face {
  /** The structure whose face it is: the nearest one that sets any part, or the root. */
  code: string;
  name: string;
  logo?: LogoRef;
  colour?: string;
  signatory: { place: string; name: string };
}

/** The installation's own face: the root's when it sets nothing. */
export interface FaceDefaults {
  name: string;
  city: string;
}

export interface FacedStructure {
  code: string;
  name: string;
  face?: OwnFace;
}

/** The face parts a structure row sets (undefined when none). */
export function ownFace(row: Readonly<OwnFace>): OwnFace | undefined {
  const face: OwnFace = {};
  for (const part of faceParts) if (row[part] !== undefined) Object.assign(face, { [part]: row[part] });
  return Object.keys(face).length > 0 ? face : undefined;
}

/** The face seen from the first structure of `path` (the structure, then its ancestors up to the root). */
export function resolveFace(path: readonly FacedStructure[], defaults: FaceDefaults): Face {
  // With no face on the path the root's shows; the root is the installation, named ORG_NAME on every
  // page, as before structures had faces.
  const holder = path.find((structure) => structure.face !== undefined);
  const name = !holder || holder.code === rootCode ? defaults.name : holder.name;
  const inherited = <K extends keyof OwnFace>(part: K): OwnFace[K] =>
    path.find((structure) => structure.face?.[part] !== undefined)?.face?.[part];
  const logo = inherited('logo');
  const colour = inherited('colour');
  return {
    code: holder?.code ?? rootCode,
    name,
    ...(logo ? { logo } : {}),
    ...(colour ? { colour } : {}),
    signatory: { place: inherited('signatoryPlace') ?? defaults.city, name: inherited('signatoryName') ?? name },
  };
}
