// Every account's id in the French order of names, kept between requests on the journal store (decision
// 028): a network's dashboard shows its first rows by name, and the people walked in this order give them
// after a few dozen accounts instead of all 50,000. Sign-ins and progress leave it as it is; an account
// added, renamed or deleted drops it, and the next request sorts again.
import type { AppStore } from '../store/app-collections.ts';
import type { Watch } from './kept-totals.ts';
import { ranks } from './sort-completions.ts';

export class NamesInOrder {
  #ids: readonly string[] | undefined;
  #reorders = 0;

  constructor(
    private readonly store: Pick<AppStore, 'all'>,
    watch: Watch,
  ) {
    watch(({ coll, previous, row }) => {
      if (coll !== 'users' || (previous && row && previous.name === row.name)) return;
      this.#ids = undefined;
      this.#reorders += 1;
    });
  }

  /** The ids of every account, in French order of their names (accounts of the same name together). */
  async ids(): Promise<readonly string[]> {
    if (this.#ids) return this.#ids;
    const renames = this.#reorders;
    const people: { id: string; name: string }[] = [];
    for await (const user of this.store.all('users')) people.push({ id: user.id, name: user.name });
    const rank = ranks(people.map((person) => person.name));
    const ids = people.sort((a, b) => rank.get(a.name)! - rank.get(b.name)!).map((person) => person.id);
    if (this.#reorders === renames) this.#ids = ids;
    return ids;
  }
}
