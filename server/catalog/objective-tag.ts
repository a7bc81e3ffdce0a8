/**
 * Reads the value of an `Objectif : 2` (or `Objectifs : 1, 3`) line under a question: the numbers of the
 * course's objectives (`objectifs:` in course.md, counted from 1) that the question measures. Returns the
 * numbers, or a French sentence saying how to write the line. `count` is the number of objectives the
 * course declares; undefined when course.md could not be read (its own issues say why).
 */
export function readObjectiveTag(value: string, count: number | undefined): number[] | string {
  const parts = value.split(/\s*(?:,|;|\bet\b)\s*/).filter((p) => p !== '');
  const range =
    count === undefined ? '' : count === 1 ? ' : le cours n’en déclare qu’un' : ` : un numéro de 1 à ${count}`;
  if (parts.length === 0 || parts.some((p) => !/^\d{1,2}$/.test(p)))
    return `objectif « ${value.slice(0, 40)} » illisible. Écrivez par exemple « Objectif : 1 » (le numéro de l’objectif dans la liste « objectifs » de course.md${range}), ou « Objectifs : 1, 3 » pour plusieurs.`;
  const numbers = [...new Set(parts.map(Number))];
  const unknown = count === undefined ? undefined : numbers.find((n) => n < 1 || n > count);
  if (unknown !== undefined)
    return `l’objectif ${unknown} n’existe pas : course.md déclare ${count} objectif(s) dans « objectifs ». Écrivez par exemple « Objectif : 1 » (${range.slice(3)}).`;
  return numbers;
}
