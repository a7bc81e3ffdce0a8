// The store reads of the certificates domain, one function per question, so that a SQL store can answer
// each with one statement. They take the store or a transaction.
import type { Course } from '../catalog/course.ts';
import { moduleProgressId } from '../learning/progress-ids.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { Certificate } from './schema.ts';

type Reader = Pick<AppStore, 'get' | 'findBy'>;

export function findCertificate(store: Reader, id: string): Promise<Readonly<Certificate> | undefined> {
  return store.get('certificates', id);
}

/** By the secret of its verification URL and QR code. */
export async function findCertificateByToken(store: Reader, token: string): Promise<Readonly<Certificate> | undefined> {
  return (await store.findBy('certificates', 'token', token))[0];
}

/** By the code printed on it (`PAS-XXXX-XXXX`, already normalised). */
export async function findCertificateByShortCode(
  store: Reader,
  shortCode: string,
): Promise<Readonly<Certificate> | undefined> {
  return (await store.findBy('certificates', 'shortCode', shortCode))[0];
}

/** The certificate that replaced this one after a re-issue, if any. */
export async function replacementOf(
  store: Reader,
  certificate: Pick<Certificate, 'replacedBy'>,
): Promise<Readonly<Certificate> | undefined> {
  return certificate.replacedBy ? store.get('certificates', certificate.replacedBy) : undefined;
}

/** Every certificate a learner holds for one course, whatever its status or version. */
export async function certificatesOfLearnerInCourse(
  store: Reader,
  userId: string,
  course: string,
): Promise<Readonly<Certificate>[]> {
  return (await store.findBy('certificates', 'userId', userId)).filter((certificate) => certificate.course === course);
}

export async function isShortCodeTaken(store: Reader, shortCode: string): Promise<boolean> {
  return (await store.findBy('certificates', 'shortCode', shortCode)).length > 0;
}

/** The time a learner spent on the modules the course has now, in seconds (what the certificate prints). */
export async function secondsOnCourse(store: Reader, userId: string, course: Course): Promise<number> {
  let seconds = 0;
  for (const module of course.modules) {
    seconds += (await store.get('progress', moduleProgressId(userId, course.slug, module.slug)))?.seconds ?? 0;
  }
  return seconds;
}
