// The frame a list table is drawn in: the box that scrolls sideways on a narrow window, the table
// with its caption and one row of column heads. The rows are the caller's; `RowName` is the first
// cell most of them start with (a name in bold, a quieter line under it).
import type { ReactNode } from 'react';
import './dataTable.css';

export interface TableColumn {
  label: string;
  /** Numbers (prices, counts) line up on the right. */
  alignEnd?: boolean;
  /** Read by screen readers only (e.g. the column of row actions). */
  hidden?: boolean;
}

interface DataTableProps {
  columns: TableColumn[];
  caption?: string;
  /** Extra classes for the table (a view's own column widths). */
  className?: string;
  captionClassName?: string;
  testId?: string;
  /** The body's rows. */
  children: ReactNode;
}

export function DataTable({ columns, caption, className, captionClassName, testId, children }: DataTableProps) {
  return (
    <div className="table-scroll">
      <table className={className ? `data-table ${className}` : 'data-table'} data-testid={testId}>
        {caption ? <caption className={captionClassName}>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.alignEnd ? 'align-end' : undefined}>
                {c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A row's first cell: what the row is, and what it is for or where it came from. */
export function RowName({ name, detail }: { name: string; detail?: ReactNode }) {
  return (
    <th scope="row">
      <strong>{name}</strong>
      {detail ? <div className="muted small">{detail}</div> : null}
    </th>
  );
}
