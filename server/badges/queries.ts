// The store reads of the badges domain.
import type { AppStore } from '../store/app-collections.ts';

type Reader = Pick<AppStore, 'get' | 'findBy'>;

export function statusEntryOf(store: Reader, certificateId: string) {
  return store.get('credentialStatusEntries', certificateId);
}

export async function isStatusIndexTaken(store: Reader, index: number): Promise<boolean> {
  return (await store.findBy('credentialStatusEntries', 'index', index)).length > 0;
}

/** Every certificate that has a bit in the list. */
export function allStatusEntries(store: Pick<AppStore, 'all'>) {
  return store.all('credentialStatusEntries');
}

/** One certificate issued for this version of a course, whose snapshot describes the achievement. */
export async function certificateOfCourseVersion(store: Reader, course: string, version: number) {
  return (await store.findBy('certificates', 'course', course)).find((c) => c.courseVersion === version);
}
