/** A screen's filter as the address keeps it: only the fields that are set. */
export function searchParamsOf(filter: Readonly<Record<string, string | undefined>>) {
  return Object.fromEntries(
    Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}
