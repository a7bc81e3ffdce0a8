import { type Request, type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { requireRole } from '../../accounts/guards.ts';
import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/clock.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { readUnsubscribeToken } from '../unsubscribe-token.ts';
import { setMailPreference } from '../use-cases/set-mail-preference.ts';

export interface ReminderRouteDeps {
  store: AppStore;
  clock: Clock;
  config: Config;
  unsubscribeKey: Buffer;
}

/** The unsubscribe link of reminders (no sign-in, signed token) and HR's digest opt-in. */
export function reminderRoutes(deps: ReminderRouteDeps): Router {
  const router = Router();
  const hr = requireRole('hr', 'admin');
  // A GET only shows the button: mail scanners open links, and must not turn reminders off by doing so.
  router.get('/unsubscribe/:token', showUnsubscribe(deps));
  router.post('/unsubscribe/:token', submitUnsubscribe(deps));
  router.get('/hr/digest', ...hr, showDigest(deps));
  router.post('/hr/digest', ...hr, submitDigest(deps));
  return router;
}

async function requireSubscriber({ store, unsubscribeKey }: ReminderRouteDeps, req: Request) {
  const userId = readUnsubscribeToken(unsubscribeKey, String(req.params.token));
  const person = userId ? await store.get('users', userId) : undefined;
  if (!person) throw new NotFoundError('unsubscribe token invalid');
  return person;
}

const UnsubscribeForm = z.object({ reminders: z.enum(['off', 'on']).catch('off') });

function showUnsubscribe(deps: ReminderRouteDeps): RequestHandler {
  return async (req, res) => {
    const person = await requireSubscriber(deps, req);
    const preference = await deps.store.get('mailPreferences', person.id);
    res.set('Cache-Control', 'no-store');
    res.render('reminders/unsubscribe', {
      title: res.locals.t('reminders.unsubscribe.title'),
      action: req.originalUrl.split('?')[0],
      off: preference?.reminders === false,
      done: false,
    });
  };
}

function submitUnsubscribe(deps: ReminderRouteDeps): RequestHandler {
  return async (req, res) => {
    const person = await requireSubscriber(deps, req);
    const form = UnsubscribeForm.parse(req.body ?? {});
    await setMailPreference({ userId: person.id, reminders: form.reminders === 'on' }, deps);
    res.set('Cache-Control', 'no-store');
    res.render('reminders/unsubscribe', {
      title: res.locals.t('reminders.unsubscribe.title'),
      action: req.originalUrl.split('?')[0],
      off: form.reminders === 'off',
      done: true,
    });
  };
}

const DigestForm = z.object({ digest: z.enum(['on', 'off']).catch('off') });

function showDigest(deps: ReminderRouteDeps): RequestHandler {
  return async (req, res) => {
    const preference = await deps.store.get('mailPreferences', res.locals.user!.id);
    res.render('reminders/digest', {
      title: res.locals.t('reminders.digest.title'),
      on: preference?.hrDigest === true,
      mailConfigured: Boolean(deps.config.mail),
      notice: req.query.done === '1' ? res.locals.t('reminders.digest.saved') : undefined,
    });
  };
}

function submitDigest(deps: ReminderRouteDeps): RequestHandler {
  return async (req, res) => {
    const form = DigestForm.parse(req.body ?? {});
    await setMailPreference({ userId: res.locals.user!.id, hrDigest: form.digest === 'on' }, deps);
    res.redirect(303, '/hr/digest?done=1');
  };
}
