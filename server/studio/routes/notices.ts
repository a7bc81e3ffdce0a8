import type { Request } from 'express';
import type { StudioMessageKey } from '../../i18n/fr/studio.ts';
import { translate } from '../../i18n/translate.ts';

// A Map, not an object: `?notice=constructor` must find nothing.
const notices = new Map<string, StudioMessageKey>([
  ['created', 'studio.notice.created'],
  ['imported', 'studio.notice.imported'],
  ['renamed', 'studio.notice.renamed'],
  ['deleted', 'studio.notice.deleted'],
  ['discarded', 'studio.notice.discarded'],
  ['uploaded', 'studio.notice.uploaded'],
  ['giftImported', 'studio.gift.imported'],
]);

const versionNotices = new Map<string, StudioMessageKey>([
  ['published', 'studio.notice.published'],
  ['restored', 'studio.notice.restored'],
]);

/** The sentence a redirect to the course page asks for with `?notice=` (and `&version=`), if any. */
export function courseNotice(query: Request['query']): string | undefined {
  const notice = String(query.notice);
  const version = String(query.version);
  const versionKey = versionNotices.get(notice);
  if (versionKey) return /^[1-9]\d{0,5}$/.test(version) ? translate(versionKey, { version }) : undefined;
  const key = notices.get(notice);
  return key && translate(key);
}
