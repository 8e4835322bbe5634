/**
 * "Did you mean …?": the known name closest to a mistyped one, by edit distance
 * (insertions, deletions, substitutions and swaps of two neighbours, case ignored),
 * if it is close enough to be the likely intent: at most a quarter of the name's
 * letters, and at least one, may differ (ids share prefixes such as `org_`, so a
 * looser bound suggests unrelated names).
 */

/** Optimal string alignment distance, with a cap beyond which the exact value is moot. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] as number) + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > cap) return cap + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/** The candidate the user most likely meant by `value`, or undefined when none is close. */
export function closestMatch(value: string, candidates: Iterable<string>): string | undefined {
  const wanted = value.toLowerCase();
  const cap = Math.max(1, Math.floor(value.length / 4));
  let best: string | undefined;
  let bestDistance = cap + 1;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase(), cap);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * `closestMatch` over fixed candidates, remembered per value: an export or a bundle
 * repeats one mistake on every row, and each search walks every candidate.
 */
export function suggester(candidates: Iterable<string>): (value: string) => string | undefined {
  const list = [...candidates];
  const known = new Map<string, string | undefined>();
  return (value) => {
    if (!known.has(value)) known.set(value, closestMatch(value, list));
    return known.get(value);
  };
}

/**
 * What to say when usage names a customer by the desk's own id, where the platform's
 * external id belongs: the commonest mix-up of all. `externalIds` are that customer's.
 */
export function deskIdInUsage(value: string, externalIds: readonly string[]): string {
  return externalIds.length === 0
    ? `'${value}' is the desk's id of a customer with no external id; usage names customers by the platform's external id (add one to the customer)`
    : `'${value}' is the desk's id, not the platform's; use its external id ${externalIds.map((id) => `'${id}'`).join(' or ')}`;
}

/** " (did you mean 'x'?)" to follow a reason with, or '' when there is no match. */
export function didYouMeanAside(match: string | undefined): string {
  return match === undefined ? '' : ` (did you mean '${match}'?)`;
}

/** " Did you mean 'x'?" to end a sentence with, or '' when nothing is close. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const match = closestMatch(value, candidates);
  return match === undefined ? '' : ` Did you mean '${match}'?`;
}
