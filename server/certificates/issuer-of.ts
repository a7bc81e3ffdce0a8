import type { AppTx } from '../store/app-collections.ts';
import { faceOf } from '../structures/face/face-of.ts';
import type { Face, FaceDefaults } from '../structures/face/resolve-face.ts';
import type { Issuer } from './issue-certificate.ts';

/**
 * Who an attestation is issued by: the face of the learner's structure when it is issued (decision 023).
 * Without any face this is the installation's name and city, exactly as before faces existed.
 */
export function issuerOfFace(face: Face): Issuer {
  return {
    name: face.name,
    city: face.signatory.place,
    ...(face.signatory.name !== face.name ? { signatory: face.signatory.name } : {}),
    // pdfkit draws PNG, not SVG: with an SVG logo the attestation prints the name alone.
    ...(face.logo?.type === 'png' ? { logo: face.logo.hash } : {}),
  };
}

export async function issuerOf(tx: Pick<AppTx, 'get' | 'findBy'>, userId: string, defaults: FaceDefaults) {
  const user = await tx.get('users', userId);
  return issuerOfFace(await faceOf(tx, user?.structure, defaults));
}
