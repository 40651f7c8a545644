// The matrix table: sortable headers and one focusable row per tenant. A click anywhere on a row,
// or Enter on it, opens the tenant's page; arrow keys move between rows, so the whole matrix is
// usable from the keyboard with one tab stop per row.
import type { ReactTable, TableState } from '@tanstack/react-table';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import type { TenantRow } from '../../../src-preload/contract';
import type { TenantFeatures } from './tenantColumns';

type TenantTable = ReactTable<TenantFeatures, TenantRow, TableState<TenantFeatures>>;

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

export function TenantsTable({
  table,
  onOpen,
  empty,
}: {
  table: TenantTable;
  onOpen: (appId: string) => void;
  empty?: ReactNode;
}) {
  const columns = table.getAllLeafColumns();
  const rows = table.getRowModel().rows;

  const onClick = (event: MouseEvent<HTMLTableRowElement>, appId: string) => {
    // Text being selected keeps its own behaviour, as do links and buttons inside a cell.
    if ((event.target as HTMLElement).closest('button')) return;
    if (window.getSelection()?.toString()) return;
    event.preventDefault();
    onOpen(appId);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, appId: string) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(appId);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next =
        event.key === 'ArrowDown' ? event.currentTarget.nextElementSibling : event.currentTarget.previousElementSibling;
      if (next instanceof HTMLElement) next.focus();
    }
  };

  return (
    <div className="table-scroll">
      <table className="data-table tenants-table" data-testid="tenants-table">
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={{ width: c.columnDef.meta?.width }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const column = header.column;
                const meta = column.columnDef.meta;
                const sorted = column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={meta?.align === 'end' ? 'align-end' : undefined}
                    aria-sort={sorted ? ARIA_SORT[sorted] : 'none'}
                  >
                    <button
                      type="button"
                      className={`sort-button${sorted ? ' sort-button--active' : ''}`}
                      onClick={column.getToggleSortingHandler()}
                      data-testid={`tenants-sort-${column.id}`}
                      title={`Sort by ${meta?.label ?? column.id}`}
                    >
                      <span>
                        <table.FlexRender header={header} />
                      </span>
                      <span className="sort-indicator" aria-hidden="true">
                        {sorted === 'asc' ? '↑' : sorted === 'desc' ? '↓' : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              className="tenant-row"
              tabIndex={0}
              title={`Open ${row.original.name}’s tenant page`}
              data-testid="tenant-row"
              data-tenant={row.original.name}
              onClick={(e) => onClick(e, row.original.appId)}
              onKeyDown={(e) => onKeyDown(e, row.original.appId)}
            >
              {row.getAllCells().map((cell) => (
                <td
                  key={cell.id}
                  className={
                    cell.column.columnDef.meta?.align === 'end'
                      ? `align-end tcol-${cell.column.id}`
                      : `tcol-${cell.column.id}`
                  }
                  data-col={cell.column.id}
                >
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? empty : null}
    </div>
  );
}
