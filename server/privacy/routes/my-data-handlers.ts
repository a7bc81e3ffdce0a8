import { pipeline } from 'node:stream/promises';
import type { RequestHandler } from 'express';
import { formatDurationFr } from '../../i18n/format-duration-fr.ts';
import { auditActionLabel } from '../audit-labels.ts';
import { personalDataZip } from '../personal-data-zip.ts';
import type { PrivacyDeps } from '../privacy-deps.ts';
import { personalDataOf } from '../queries.ts';
import { recordDataExport } from '../use-cases/record-data-export.ts';

/** « Mes données »: what is held about the signed-in person, and only them (the page takes no id). */
export function showMyData({ store }: PrivacyDeps): RequestHandler {
  return async (_req, res) => {
    const { t } = res.locals;
    const data = (await personalDataOf(store, res.locals.user!.id))!;
    const seconds = data.progress.reduce((sum, p) => sum + p.seconds, 0);
    res.render('privacy/my-data', {
      title: t('privacy.me.title'),
      data,
      minutes: formatDurationFr(Math.round(seconds / 60)),
      answers: data.attempts.reduce((sum, a) => sum + Object.keys(a.answers).length, 0),
      audit: data.audit.map((entry) => ({ at: entry.at, label: auditActionLabel(entry.action, t) })),
    });
  };
}

/** The zip of « Mes données », streamed; the download is audited before the first byte leaves. */
export function downloadMyData(deps: PrivacyDeps): RequestHandler {
  return async (_req, res) => {
    const user = res.locals.user!;
    const now = deps.clock();
    await recordDataExport(deps, user.id, now);
    const data = (await personalDataOf(deps.store, user.id))!;
    const day = now.toISOString().slice(0, 10);
    res.set({
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="mes-donnees-${day}.zip"`,
    });
    await pipeline(personalDataZip(data, deps.getCatalog(), res.locals.t, now), res);
  };
}
