// A module page is the same for every learner except for a few values: their name in the header, the
// CSRF token in its forms and the line about their past attempts. Rendering views/learning/module.ejs for
// every view cost ~0.5 ms of CPU, most of the page's cost (docs/decisions/006-performance.md). So the page
// is rendered once per course version, module and kind of reader, with markers where those values go,
// and each request only joins the pieces. A shuffled quiz's choices are cut out one by one and joined in
// the reader's order. The markup stays in the templates, which render the page as before wherever this
// cache is not used (answers to show again, drawn quizzes, development).
import { createHash, randomBytes } from 'node:crypto';
import ejs from 'ejs';
import type { Response } from 'express';
import type { User } from '../accounts/schema.ts';
import type { Course, Module } from '../catalog/course.ts';
import { moduleView } from './module-view-locals.ts';
import type { Attempt } from './schema.ts';

type Hole = 'name' | 'csrf' | 'notice';

/** Markers that no content can contain: a NUL byte and a random nonce. */
const nonce = randomBytes(9).toString('base64url');
const marker = (hole: string) => `\u0000${nonce}:${hole}\u0000`;
const markerPattern = new RegExp(`\u0000${nonce}:([^\u0000]+)\u0000`);
/** Where quiz-form.ejs starts each choice of a question, and where the question's last choice ends. */
const choiceMark = (questionId: string, choiceId?: string) =>
  marker(choiceId === undefined ? `end\u0001${questionId}` : `choice\u0001${questionId}\u0001${choiceId}`);

/** A question's choices, each already encoded, sent in the order the reader sees them. */
interface ChoiceGroup {
  questionId: string;
  choices: Map<string, Buffer>;
}
type Segment = Buffer | Hole | ChoiceGroup;

interface Plan {
  /** The page in order: encoded pieces, holes for per-request values, and choice groups. */
  segments: Segment[];
  holes: Hole[];
  /** Distinguishes this rendering from any other, for the ETag. */
  id: string;
}

/** Per app (its name and settings are on the page), per course object (a new one at every publication). */
const plans = new WeakMap<object, WeakMap<Course, Map<string, Promise<Plan>>>>();

export interface ModulePageRequest {
  course: Course;
  module: Module;
  /** What renderModulePage passes to the module view; only called to render the page once. */
  locals: () => Record<string, unknown>;
  /** Names everything in `locals` that differs between readers of this module (the quiz's state). */
  stateKey: string;
  /** Signed in: their name goes in the header, their role chooses the menu; undefined for a visitor. */
  user: Readonly<User> | undefined;
  /** The learner's attempts on this module's quiz, oldest first. */
  attempts: readonly Readonly<Attempt>[] | undefined;
  /** The reader's order of each question's choices (shuffled quizzes); the authored order when absent. */
  choiceOrder?: (questionId: string) => readonly string[] | undefined;
}

/**
 * The module view as UTF-8 bytes, from the page cached for this kind of reader, with its ETag: the page
 * is a function of the cached rendering and the values put in it, so hashing those few values gives the
 * same guarantee as hashing the whole page (what Express would do) for a fraction of the work.
 */
export async function cachedModulePage(
  res: Response,
  page: ModulePageRequest,
): Promise<{ body: Buffer; etag: string }> {
  const { course, module, user, attempts } = page;
  let byCourse = plans.get(res.app);
  if (!byCourse) {
    byCourse = new WeakMap();
    plans.set(res.app, byCourse);
  }
  let byKey = byCourse.get(course);
  if (!byKey) {
    byKey = new Map();
    byCourse.set(course, byKey);
  }
  const key = `${module.slug}|${user?.role ?? 'visitor'}|${page.stateKey}`;
  let plan = byKey.get(key);
  if (!plan) {
    plan = renderPlan(res, page);
    const cache = byKey;
    plan.catch(() => cache.delete(key));
    byKey.set(key, plan);
  }
  const { segments, holes, id } = await plan;
  const notice =
    holes.includes('notice') && attempts && attempts.length > 0
      ? await render(res, 'learning/attempts-notice', { ...res.locals, course, module, attempts })
      : '';
  const values: Record<Hole, string> = {
    name: ejs.escapeXML(user?.name ?? ''),
    csrf: ejs.escapeXML(res.locals.csrfToken ?? ''),
    notice,
  };
  const pieces: Buffer[] = [];
  const hash = createHash('sha1').update(id);
  for (const segment of segments) {
    if (Buffer.isBuffer(segment)) pieces.push(segment);
    else if (typeof segment === 'string') {
      const value = values[segment];
      pieces.push(Buffer.from(value));
      hash.update(`\u0000${value}`);
    } else {
      const order = page.choiceOrder?.(segment.questionId) ?? [...segment.choices.keys()];
      for (const choiceId of order) pieces.push(segment.choices.get(choiceId)!);
      hash.update(`\u0000${order.join('\u0001')}`);
    }
  }
  const body = Buffer.concat(pieces);
  return { body, etag: `W/"${body.length.toString(16)}-${hash.digest('base64url')}"` };
}

function render(res: Response, view: string, locals: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    res.app.render(view, locals, (error, html) => (error ? reject(error) : resolve(html)));
  });
}

/**
 * The first view of a module renders its Markdown (render-once.ts) and maybe compiles the templates: that
 * is done in steps, with the event loop free in between, so that no request waits behind one long task.
 */
async function renderPlan(res: Response, page: ModulePageRequest): Promise<Plan> {
  const { module, user } = page;
  void module.htmlBefore;
  await new Promise((resolve) => setImmediate(resolve));
  const locals = {
    ...res.locals,
    ...page.locals(),
    user: user ? { ...user, name: marker('name') } : undefined,
    csrfToken: res.locals.csrfToken === undefined ? undefined : marker('csrf'),
    attempts: user ? [] : undefined,
    attemptsNotice: user ? marker('notice') : undefined,
  };
  await new Promise((resolve) => setImmediate(resolve));
  const segments = toSegments((await render(res, moduleView, { ...locals, choiceMark })).split(markerPattern));
  return {
    segments,
    holes: segments.filter((segment): segment is Hole => typeof segment === 'string'),
    id: randomBytes(9).toString('base64url'),
  };
}

/** `split` gives text, marker, text, marker…: texts between a question's choice markers are its choices. */
function toSegments(pieces: string[]): Segment[] {
  const segments: Segment[] = [];
  let group: ChoiceGroup | undefined;
  let choiceId = '';
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (i % 2 === 0) {
      if (group) group.choices.set(choiceId, Buffer.from(piece));
      else segments.push(Buffer.from(piece));
      continue;
    }
    const [kind, questionId, id] = piece.split('\u0001') as [string, string, string];
    if (kind === 'choice') {
      if (!group) {
        group = { questionId, choices: new Map() };
        segments.push(group);
      }
      choiceId = id;
    } else if (kind === 'end') group = undefined;
    else segments.push(kind as Hole);
  }
  return segments;
}
