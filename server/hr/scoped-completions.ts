// HR sees its scope (decision 022): the structures where the person holds hr or admin, and a structure
// filter means that structure and everything below it. Both sources (memory and SQL) take the
// resulting list of codes, so no row outside it is ever built.
import { codesInView, type Scope } from '../structures/scope.ts';
import type { StructureTree } from '../structures/tree.ts';
import type { CompletionQuery, CompletionsSource } from './completions-source.ts';

/** The same source, answering only within the scope; the structure filter becomes a list of codes. */
export function scopedCompletions(source: CompletionsSource, tree: StructureTree, scope: Scope): CompletionsSource {
  const scoped = <Q extends CompletionQuery>(query: Q): Q => ({
    ...query,
    structure: undefined,
    scope: codesInView(tree, scope, query.structure),
    tree,
  });
  return {
    list: (query) => source.list(scoped(query)),
    page: (query, page, size) => source.page(scoped(query), page, size),
  };
}
