import { useId, type Key, type ReactNode } from 'react';

/** One column of a table: its header once, and how each row fills its cell. */
export interface Column<Row> {
  header: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  cell: (row: Row) => ReactNode;
  /** The header is for screen readers only (a column of buttons needs no visible title). */
  headerHidden?: boolean;
  /** The cell names its row (`<th scope="row">`): a row number, a customer, a plan. */
  rowHeader?: boolean;
  /** Added to the column's cells, not its header (`cell--nowrap`, `cell--reference`). */
  className?: string;
}

/** A figure of a footer row that needs more than its content: its own name or class. */
export interface FooterCell {
  content: ReactNode;
  /** When the figure is found by its name ("Calculated total"). */
  label?: string;
  className?: string;
}

/** A row under the rows: what they add up to ("Total"), one cell per column after the first. */
export interface FooterRow {
  header: string;
  cells: readonly (ReactNode | FooterCell)[];
  className?: string;
}

type Modifier = 'compact' | 'sticky' | 'lines';

interface DataTableProps<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => Key;
  /** What the table holds: its accessible name, shown above it unless `captionHidden`. */
  caption?: ReactNode;
  captionHidden?: boolean;
  footer?: readonly FooterRow[];
  /** Shown in place of the table when there is no row; without it the table shows its headers. */
  empty?: ReactNode;
  /** The theme's variants: `compact` (small print), `sticky` (headers stay), `lines` (boxed). */
  modifiers?: readonly Modifier[];
  /** A class of the screen's own, next to `table` (`calculator__result`). */
  className?: string;
  /**
   * A long table scrolls in a box of its own (`tall`: a taller one), a region named by
   * the caption that the keyboard can reach and scroll.
   */
  scrolls?: 'short' | 'tall';
}

const isFooterCell = (cell: ReactNode | FooterCell): cell is FooterCell =>
  typeof cell === 'object' && cell !== null && 'content' in cell;

const classes = (...names: (string | false | undefined)[]) =>
  names.filter(Boolean).join(' ') || undefined;

const columnClass = (column: Column<never>) => classes(column.numeric && 'num', column.className);

/**
 * A static table of rows under real column headers (`<th scope="col">`), with the theme's
 * look: the one way the screens show a list that is not virtualized.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  captionHidden,
  footer,
  empty,
  modifiers = [],
  className,
  scrolls,
}: DataTableProps<Row>) {
  const captionId = useId();
  if (rows.length === 0 && empty !== undefined) return <p className="muted">{empty}</p>;
  const table = (
    <table
      className={classes('table', ...modifiers.map((modifier) => `table--${modifier}`), className)}
    >
      {caption !== undefined && (
        <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
      )}
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col" className={column.numeric ? 'num' : undefined}>
              {column.headerHidden ? (
                <span className="visually-hidden">{column.header}</span>
              ) : (
                column.header
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) => (
          <tr key={rowKey(row, rowIndex)}>
            {columns.map((column, index) =>
              column.rowHeader ? (
                <th key={index} scope="row" className={columnClass(column)}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={index} className={columnClass(column)}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      {footer && footer.length > 0 && (
        <tfoot>
          {footer.map((row) => (
            <tr key={row.header} className={row.className}>
              <th scope="row">{row.header}</th>
              {row.cells.map((cell, index) => {
                const column = columns[index + 1];
                const own = isFooterCell(cell) ? cell : { content: cell };
                return (
                  <td
                    key={index}
                    className={classes(column && columnClass(column), own.className)}
                    aria-label={own.label}
                  >
                    {own.content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tfoot>
      )}
    </table>
  );
  if (scrolls === undefined) return table;
  return (
    <div
      className={classes('table-scroll', scrolls === 'tall' && 'table-scroll--tall')}
      role="region"
      tabIndex={0}
      aria-labelledby={caption === undefined ? undefined : captionId}
    >
      {table}
    </div>
  );
}
