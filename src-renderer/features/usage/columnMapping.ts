/**
 * The column mapping of a CSV usage import: which column each event field is read
 * from. A field whose column has its own name needs no entry (as `--map` on the
 * command line); every column no field reads becomes a property of the event.
 */
export interface UsageField {
  name: string;
  label: string;
  required: boolean;
}

export const USAGE_FIELDS: readonly UsageField[] = [
  { name: 'event_id', label: 'Event id', required: true },
  { name: 'customer', label: 'Customer (external id)', required: true },
  { name: 'meter', label: 'Meter', required: true },
  { name: 'quantity', label: 'Quantity', required: true },
  { name: 'timestamp', label: 'Timestamp', required: true },
  { name: 'source', label: 'Source', required: false },
];

/** Field → the column chosen for it; absent when no column is. */
export type ColumnChoice = Partial<Record<string, string>>;

/** The first guess: every field read from the column of its own name, when there is one. */
export function initialChoice(columns: readonly string[]): ColumnChoice {
  const choice: ColumnChoice = {};
  for (const field of USAGE_FIELDS) {
    const column = columns.find((candidate) => candidate.trim().toLowerCase() === field.name);
    if (column !== undefined) choice[field.name] = column;
  }
  return choice;
}

/** The `map` an import takes: only the fields read from a column of another name. */
export function mapOf(choice: ColumnChoice): Record<string, string> {
  return Object.fromEntries(
    Object.entries(choice).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== entry[0],
    ),
  );
}

/** One sentence per field that cannot be imported as chosen, keyed by field. */
export function mappingProblems(choice: ColumnChoice): Record<string, string> {
  const problems: Record<string, string> = {};
  const fieldsByColumn = new Map<string, string[]>();
  for (const field of USAGE_FIELDS) {
    const column = choice[field.name];
    if (column === undefined) {
      if (field.required) problems[field.name] = `Choose the column that holds the ${field.name}.`;
      continue;
    }
    fieldsByColumn.set(column, [...(fieldsByColumn.get(column) ?? []), field.name]);
  }
  for (const [column, fields] of fieldsByColumn) {
    if (fields.length < 2) continue;
    for (const field of fields) {
      problems[field] =
        `Column '${column}' is already read as ${fields.filter((other) => other !== field).join(', ')}.`;
    }
  }
  return problems;
}

/** The columns that no field reads: they become the event's properties. */
export function propertyColumns(columns: readonly string[], choice: ColumnChoice): string[] {
  const used = new Set(Object.values(choice));
  return columns.filter((column) => !used.has(column));
}
