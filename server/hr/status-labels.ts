import { translate } from '../i18n/translate.ts';
import type { CertificateStatus, CompletionStatus } from './completion-row.ts';

/** « Terminé », « Attestation révoquée »…: the same words on the pages and in the exported files. */
export const completionStatusLabel = (status: CompletionStatus): string => translate(`hr.status.${status}` as const);

/** « Valide », « Révoquée », « Remplacée », as a table cell. */
export const certificateStatusLabel = (status: CertificateStatus): string =>
  translate(`hr.certificateStatus.${status}` as const);
