import type { User } from '../accounts/schema.ts';
import { translate } from '../i18n/translate.ts';
import { hasAnswered } from '../satisfaction/queries.ts';
import type { AppStore } from '../store/app-collections.ts';
import { canManageCertificates, showsHolderPublicly } from './can-see-certificate.ts';
import { replacementOf } from './queries.ts';
import type { Certificate } from './schema.ts';
import { verifyUrl } from './verify-url.ts';

/** The fields of a certificate's signed credential, in words (the badges domain provides them). */
export type BadgeFieldsOf = (certificate: Readonly<Certificate>) => { label: string; value: string }[];

/** A form sent back with what was typed and what is wrong. */
export interface FormState {
  errors: Record<string, string>;
  values: Record<string, string>;
}

/** The holder’s (or HR’s) page of a certificate: facts, status, PDF link, and the HR forms. */
export async function certificatePage(
  certificate: Readonly<Certificate>,
  viewer: Pick<User, 'role' | 'id'> | undefined,
  deps: { store: AppStore; baseUrl: string; badgeFields?: BadgeFieldsOf; roles?: ReadonlySet<string> },
  form: FormState = { errors: {}, values: {} },
) {
  return {
    title: translate('certificates.page.title', { course: certificate.snapshot.courseTitle }),
    certificate,
    replacement: await replacementOf(deps.store, certificate),
    verifyHref: verifyUrl(deps.baseUrl, certificate),
    canManage: canManageCertificates(viewer, deps.roles),
    badgeFields: deps.badgeFields?.(certificate) ?? [],
    // The holder is invited to the end-of-course questionnaire here too (once; never HR on their behalf).
    satisfactionOffer:
      viewer?.id === certificate.userId
        ? {
            course: certificate.course,
            answered: await hasAnswered(deps.store, certificate.userId, certificate.course),
          }
        : undefined,
    ...form,
  };
}

/** The public verification page: the status, what the PDF prints while valid, and the replacement if any. */
export async function verificationPage(
  certificate: Readonly<Certificate>,
  deps: { store: AppStore; badgeFields?: BadgeFieldsOf },
) {
  return {
    title: translate('certificates.verify.title'),
    noindex: true,
    certificate,
    holderShown: showsHolderPublicly(certificate),
    replacement: await replacementOf(deps.store, certificate),
    badgeFields: deps.badgeFields?.(certificate) ?? [],
  };
}
