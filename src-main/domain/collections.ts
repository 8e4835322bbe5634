/** Small helpers over lists that several billing modules share. */

/** The items by key, each group in the items' order. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Orders by UTF-16 code units, the same on every machine (unlike localeCompare). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `idOf(n)` for the smallest n ≥ `from` whose id is not taken: the same answer for the same data. */
export function firstFreeId(
  taken: Pick<ReadonlySet<string>, 'has'>,
  idOf: (n: number) => string,
  from = 1,
): string {
  let n = from;
  while (taken.has(idOf(n))) n += 1;
  return idOf(n);
}
