import type { MessageKey } from '../../i18n/fr.ts';
import { translate } from '../../i18n/translate.ts';
import type { RetentionReport } from './apply-retention.ts';
import { retentionKinds } from './retention-rules.ts';

/** The report as the operator reads it: one line per row (its kind, id and date), then the total. */
export function describeRetention(report: RetentionReport): string[] {
  const lines = [translate(report.dryRun ? 'privacy.retention.cli.dryRun' : 'privacy.retention.cli.done')];
  for (const kind of retentionKinds) {
    const items = report.items.filter((i) => i.kind === kind);
    if (items.length === 0) continue;
    const label = translate(`privacy.retention.kind.${kind}` as MessageKey);
    lines.push(`${label} : ${items.length}`);
    for (const item of items) lines.push(`  ${item.id}  ${item.at}`);
  }
  lines.push(translate('privacy.retention.cli.total', { n: report.items.length }));
  return lines;
}
