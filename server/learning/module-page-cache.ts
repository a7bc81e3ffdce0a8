// A module page is the same for every learner except for a few values: their name in the header, the
// CSRF token in its forms, the line about their past attempts and their count in the quiz form. Rendering
// views/learning/module.ejs for every view cost ~0.5 ms of CPU, most of the page's cost
// (docs/decisions/006-performance.md). So the page is rendered once per course version, module and kind
// of reader, with markers where those values go, and each request only joins the pieces. A shuffled
// quiz's choices are cut out one by one and joined in the reader's order. The markup stays in the
// templates, which render the page as before wherever this cache is not used (answers to show again,
// drawn quizzes, development).
import { hash, randomBytes } from 'node:crypto';
import ejs from 'ejs';
import type { Response } from 'express';
import type { User } from '../accounts/schema.ts';
import type { Course, Module } from '../catalog/course.ts';
import { deflatePiece, joinGzip, storedPiece } from '../http/gzip-pieces.ts';
import type { Face } from '../structures/face/resolve-face.ts';
import { moduleView } from './module-view-locals.ts';
import type { Attempt } from './schema.ts';

type Hole = 'name' | 'csrf' | 'notice' | 'attempts';

/** Markers that no content can contain: a NUL byte and a random nonce. */
const nonce = randomBytes(9).toString('base64url');
const marker = (hole: string) => `\u0000${nonce}:${hole}\u0000`;
const markerPattern = new RegExp(`\u0000${nonce}:([^\u0000]+)\u0000`);
/** Where quiz-form.ejs starts each choice of a question, and where the question's last choice ends. */
const choiceMark = (questionId: string, choiceId?: string) =>
  marker(choiceId === undefined ? `end\u0001${questionId}` : `choice\u0001${questionId}\u0001${choiceId}`);

/** A part of the page, encoded; a fixed part is deflated once, when first sent gzipped (gzip-pieces.ts). */
class Piece {
  #deflated: Buffer | undefined;
  /** What the page has before this piece, as far as it is the same for every reader (linkContexts). */
  before: readonly Buffer[] = [];
  constructor(
    readonly bytes: Buffer,
    /** False for a per-request value: it goes as stored blocks. */
    readonly fixed: boolean,
  ) {}
  gzipPieces(): Buffer[] {
    if (!this.fixed) return storedPiece(this.bytes);
    this.#deflated ??= deflatePiece(this.bytes, Buffer.concat(this.before));
    return [this.#deflated];
  }
}
/** A question's choices, each already encoded, sent in the order the reader sees them. */
interface ChoiceGroup {
  questionId: string;
  choices: Map<string, Buffer>;
  /** The fixed text after the last choice, up to the next marker: one piece less to deflate apart. */
  after: Buffer;
  /**
   * The choices joined in each order readers had: deflated apart, each choice would lose what it shares
   * with the others (a page 60 % larger); a question has few orders (24 for four choices).
   */
  orders: Map<string, Piece>;
  before: readonly Buffer[];
}
/** Past this many orders of one question (six choices or more), the joined orders start again from none. */
const maxOrders = 256;
type Segment = Piece | Hole | ChoiceGroup;

interface Plan {
  /** The page in order: encoded pieces, holes for per-request values, and choice groups. */
  segments: Segment[];
  holes: Hole[];
  /** The CSRF token's length when the plan was made: deflated pieces count on it (linkContexts). */
  csrfLength: number;
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
 * `gzipped` gives the same body gzipped, joined from the fixed parts deflated once (gzip-pieces.ts).
 */
export async function cachedModulePage(
  res: Response,
  page: ModulePageRequest,
): Promise<{ body: Buffer; etag: string; gzipped: () => Buffer | undefined }> {
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
  const key = `${module.slug}|${user?.role ?? 'visitor'}|${page.stateKey}|${faceKey(res.locals.face)}`;
  let plan = byKey.get(key);
  if (!plan) {
    plan = renderPlan(res, page);
    const cache = byKey;
    plan.catch(() => cache.delete(key));
    byKey.set(key, plan);
  }
  const { segments, holes, id, csrfLength } = await plan;
  const notice =
    holes.includes('notice') && attempts && attempts.length > 0
      ? await render(res, 'learning/attempts-notice', { ...res.locals, course, module, attempts })
      : '';
  const values: Record<Hole, string> = {
    name: ejs.escapeXML(user?.name ?? ''),
    csrf: ejs.escapeXML(res.locals.csrfToken ?? ''),
    notice,
    attempts: String(attempts?.length ?? 0),
  };
  const pieces: Piece[] = [];
  // What names this page among the plan's: hashed once at the end (one-shot `hash`, no Hash object).
  let varying = id;
  for (const segment of segments) {
    if (typeof segment === 'string') {
      const value = values[segment];
      pieces.push(new Piece(Buffer.from(value), false));
      varying += `\u0000${value}`;
    } else if (segment instanceof Piece) pieces.push(segment);
    else {
      const order = page.choiceOrder?.(segment.questionId) ?? [...segment.choices.keys()];
      const key = order.join('\u0001');
      pieces.push(segment.orders.get(key) ?? joinChoices(segment, order, key));
      varying += `\u0000${key}`;
    }
  }
  const body = Buffer.concat(pieces.map((piece) => piece.bytes));
  return {
    body,
    etag: `W/"${body.length.toString(16)}-${hash('sha1', varying, 'base64url')}"`,
    // Undefined if a token of another length would put the bytes that pieces refer to elsewhere.
    gzipped: () =>
      Buffer.byteLength(values.csrf) === csrfLength
        ? joinGzip(
            pieces.flatMap((piece) => piece.gzipPieces()),
            body,
          )
        : undefined,
  };
}

function joinChoices(group: ChoiceGroup, order: readonly string[], key: string): Piece {
  if (group.orders.size >= maxOrders) group.orders.clear();
  const piece = new Piece(Buffer.concat([...order.map((choiceId) => group.choices.get(choiceId)!), group.after]), true);
  piece.before = group.before;
  group.orders.set(key, piece);
  return piece;
}

/**
 * The header shows the reader's structure's face (name, logo, colour): one rendering per face. The face
 * cache hands out the same object until a face changes, so its key is made once per object.
 */
function faceKey(face: Face | undefined): string {
  if (!face) return '';
  let key = faceKeys.get(face);
  if (key === undefined) {
    key = JSON.stringify([face.code, face.name, face.logo, face.colour]);
    faceKeys.set(face, key);
  }
  return key;
}
const faceKeys = new WeakMap<Face, string>();

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
    attemptsBefore: user ? marker('attempts') : undefined,
  };
  await new Promise((resolve) => setImmediate(resolve));
  const segments = toSegments((await render(res, moduleView, { ...locals, choiceMark })).split(markerPattern));
  // A session's token is an HMAC, always as long: pieces after it may refer back across it.
  const csrfLength = Buffer.byteLength(ejs.escapeXML(res.locals.csrfToken ?? ''));
  linkContexts(segments, csrfLength);
  return {
    segments,
    csrfLength,
    holes: segments.filter((segment): segment is Hole => typeof segment === 'string'),
    id: randomBytes(9).toString('base64url'),
  };
}

/** `split` gives text, marker, text, marker…: texts between a question's choice markers are its choices. */
function toSegments(pieces: string[]): Segment[] {
  const segments: Segment[] = [];
  let group: ChoiceGroup | undefined;
  let ended: ChoiceGroup | undefined;
  let choiceId = '';
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (i % 2 === 0) {
      if (group) group.choices.set(choiceId, Buffer.from(piece));
      else if (ended) ended.after = Buffer.from(piece);
      else segments.push(new Piece(Buffer.from(piece), true));
      continue;
    }
    ended = undefined;
    const [kind, questionId, id] = piece.split('\u0001') as [string, string, string];
    if (kind === 'choice') {
      if (!group) {
        group = { questionId, choices: new Map(), after: Buffer.alloc(0), orders: new Map(), before: [] };
        segments.push(group);
      }
      choiceId = id;
    } else if (kind === 'end') {
      ended = group;
      group = undefined;
    } else segments.push(kind as Hole);
  }
  return segments;
}

/**
 * Deflated apart, each piece would lose what it shares with the text before it (a page a third larger
 * than deflated whole). So each fixed piece may refer back to the bytes before it, up to the last
 * per-request value whose length varies (a name, a notice, the count of attempts): every reader has them at
 * the same distance.
 * A question's choices are in the reader's order, and the CSRF token differs, but their lengths do not:
 * they count as zero bytes, which no page text contains, so nothing refers to them. A page that does
 * contain one (unlikely in HTML) starts again after each of them instead.
 */
function linkContexts(segments: Segment[], csrfLength: number): void {
  const fixedText = segments.flatMap((segment) =>
    typeof segment === 'string'
      ? []
      : segment instanceof Piece
        ? [segment.bytes]
        : [...segment.choices.values(), segment.after],
  );
  const zeroFree = fixedText.every((bytes) => !bytes.includes(0));
  let before: Buffer[] = [];
  for (const segment of segments) {
    if (typeof segment === 'string') {
      before = segment === 'csrf' && zeroFree ? [...before, Buffer.alloc(csrfLength)] : [];
      continue;
    }
    segment.before = before;
    if (segment instanceof Piece) before = [...before, segment.bytes];
    else {
      const length = [...segment.choices.values()].reduce((sum, choice) => sum + choice.length, 0);
      before = zeroFree ? [...before, Buffer.alloc(length), segment.after] : [segment.after];
    }
  }
}
