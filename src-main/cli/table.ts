import { terminalSafe } from './terminal-text';

/**
 * A plain-text table for the terminal: columns padded to their widest cell, numbers
 * (amounts, counts) right-aligned so that their digits line up as on a ledger. Cells
 * come from the store, so control characters in them are escaped.
 */
export function textTable(
  header: readonly string[],
  unsafeRows: readonly (readonly string[])[],
  rightAligned: readonly number[] = [],
): string {
  const rows = unsafeRows.map((row) => row.map(terminalSafe));
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const right = new Set(rightAligned);
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) =>
          right.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}

/** The table of `items`, one row each, or `empty` when there are none. */
export function itemsTable<T>(
  items: readonly T[],
  empty: string,
  header: readonly string[],
  row: (item: T) => readonly string[],
  rightAligned: readonly number[] = [],
): string {
  return items.length === 0 ? empty : textTable(header, items.map(row), rightAligned);
}
