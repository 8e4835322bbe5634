/** The fields of a bank row as import-payments reads them (`--map field=column`). */
export const BANK_FIELDS = [
  { field: 'date', label: 'Date', required: true },
  { field: 'amount', label: 'Amount', required: true },
  { field: 'reference', label: 'Reference', required: true },
  { field: 'invoice', label: 'Invoice number', required: false },
  { field: 'method', label: 'Method', required: false },
  { field: 'currency', label: 'Currency', required: false },
  { field: 'account', label: 'Marketplace account', required: false },
  { field: 'period', label: 'Billing period', required: false },
] as const;

/**
 * The columns named as a field but for their case ("Amount", "DATE"), mapped to it: the
 * desk reads a column by its exact name, as the command line does, so they need a map.
 */
export function guessedMap(columns: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { field } of BANK_FIELDS) {
    if (columns.includes(field)) continue;
    const column = columns.find((name) => name.toLowerCase() === field);
    if (column !== undefined) map[field] = column;
  }
  return map;
}

/** The required fields that no column gives yet: the import would refuse the file. */
export function unmappedFields(
  columns: readonly string[],
  map: Readonly<Record<string, string>>,
): string[] {
  return BANK_FIELDS.filter(
    ({ field, required }) => required && !columns.includes(field) && map[field] === undefined,
  ).map(({ label }) => label);
}
