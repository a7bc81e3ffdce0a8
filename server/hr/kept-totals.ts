// The dashboard's totals kept per structure between requests, on the journal store (decision 028).
// A network's root counted its 150,000 rows at every request, though almost none had changed since the
// last one. Each structure's own people are counted once and their counts kept; the store says which rows
// change (`Store.watch`), and a change drops the counts of the structure it touches, which the next
// request counts again. « En retard » depends on the day and on the assignments: a new day, a new
// catalogue, a changed assignment or tree drops every count.
import type { Catalog } from '../catalog/course.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { RowChange } from '../store/store.ts';
import type { CompletionStatus } from './completion-row.ts';
import type { CountedRow } from './summarize-completions.ts';

/** The rows of one course and status among one structure's people. */
export interface TallyLine {
  courseSlug: string;
  /** The course's label in the totals: the smallest title among the rows. */
  course: string;
  status: CompletionStatus;
  rows: number;
  /** Of those rows, the started ones. */
  enrolled: number;
  measuredMinutes: number;
}

/** What is kept of one structure: the lines of its own people's rows (not those of the structures below). */
export type StructureCount = TallyLine[];

/** Lines of rows, one per course and status, counted one row at a time. */
export class LineTally {
  readonly #lines = new Map<string, TallyLine>();

  add(row: CountedRow): void {
    const key = `${row.courseSlug}\u0000${row.status}`;
    let line = this.#lines.get(key);
    if (!line) {
      line = {
        courseSlug: row.courseSlug,
        course: row.course,
        status: row.status,
        rows: 0,
        enrolled: 0,
        measuredMinutes: 0,
      };
      this.#lines.set(key, line);
    } else if (row.course < line.course) {
      // The smallest title, as the totals label a course (summarize-completions.ts).
      line.course = row.course;
    }
    line.rows += 1;
    if (row.started) line.enrolled += 1;
    line.measuredMinutes += row.measuredMinutes;
  }

  lines(): TallyLine[] {
    return [...this.#lines.values()];
  }
}

/** `Store.watch`, of a store that has it. */
export type Watch = (listener: (change: RowChange) => void) => () => void;

/** What the counts depend on besides the rows: kept counts are dropped when either changes. */
export interface CountBasis {
  today: string;
  catalog: Catalog;
}

export class KeptTotals {
  readonly #kept = new Map<string, StructureCount>();
  /** People whose enrollments or certificates changed: their structure is looked up, and dropped, at the next read. */
  readonly #changedPeople = new Set<string>();
  /** Changes seen: a count made while one came may have missed it, and is not kept. */
  #changes = 0;
  #basis: CountBasis | undefined;
  /** Accounts per structure code, once read; each change of an account moves them. */
  #people: Map<string, number> | undefined;
  #accountChanges = 0;

  constructor(
    private readonly store: Pick<AppStore, 'get' | 'all'>,
    watch: Watch,
  ) {
    watch((change) => this.#changed(change));
  }

  /**
   * The count of each structure of `codes`, in their order: kept ones as they are, the others from
   * `count` (and kept, unless a row changed meanwhile).
   */
  async countsOf(
    codes: readonly string[],
    basis: CountBasis,
    count: (code: string) => Promise<StructureCount>,
  ): Promise<StructureCount[]> {
    if (basis.today !== this.#basis?.today || basis.catalog !== this.#basis.catalog) {
      this.#kept.clear();
      this.#changedPeople.clear();
      this.#basis = basis;
    }
    await this.#dropChangedPeople();
    const counts: StructureCount[] = [];
    for (const code of codes) {
      let counted = this.#kept.get(code);
      if (!counted) {
        const changes = this.#changes;
        counted = await count(code);
        if (this.#changes === changes) this.#kept.set(code, counted);
      }
      counts.push(counted);
    }
    return counts;
  }

  /**
   * How many accounts each structure code has, codes outside the tree included (accounts from before it):
   * what a scope weighs, and every code an unscoped query reads.
   */
  async people(): Promise<ReadonlyMap<string, number>> {
    if (this.#people) return this.#people;
    const changes = this.#accountChanges;
    const people = new Map<string, number>();
    for await (const user of this.store.all('users')) people.set(user.structure, (people.get(user.structure) ?? 0) + 1);
    if (this.#accountChanges === changes) this.#people = people;
    return people;
  }

  #changed({ coll, previous, row }: RowChange): void {
    switch (coll) {
      case 'users':
        this.#drop(previous?.structure);
        this.#drop(row?.structure);
        this.#moved(previous?.structure, row?.structure);
        break;
      case 'enrollments':
      case 'certificates':
        this.#changedPeople.add(String((row ?? previous)?.userId));
        break;
      case 'assignments':
      case 'structures':
        this.#kept.clear();
        break;
      default:
        return;
    }
    this.#changes += 1;
  }

  #moved(from: unknown, to: unknown): void {
    this.#accountChanges += 1;
    const people = this.#people;
    if (!people || from === to) return;
    if (typeof from === 'string') {
      const left = (people.get(from) ?? 0) - 1;
      if (left > 0) people.set(from, left);
      else people.delete(from);
    }
    if (typeof to === 'string') people.set(to, (people.get(to) ?? 0) + 1);
  }

  #drop(structure: unknown): void {
    if (typeof structure === 'string') this.#kept.delete(structure);
  }

  async #dropChangedPeople(): Promise<void> {
    const people = [...this.#changedPeople];
    this.#changedPeople.clear();
    for (const id of people) this.#drop((await this.store.get('users', id))?.structure);
  }
}
