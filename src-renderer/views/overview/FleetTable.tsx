import type { ReactTable, Row, TableState } from '@tanstack/react-table';
import { Fragment, useEffect, useMemo, useRef, type MouseEvent, type ReactNode } from 'react';
import { Money } from '../../components/Money';
import type { FleetFeatures } from './columns';
import type { FleetRow, GroupBlock } from './fleetModel';
import { FoldedColumns, foldedFor, useInnerWidth } from './priorityColumns';
import { GroupSelect } from './selection';

type FleetTableInstance = ReactTable<FleetFeatures, FleetRow, TableState<FleetFeatures>>;
type FleetTableRow = Row<FleetFeatures, FleetRow>;

interface FleetTableProps {
  table: FleetTableInstance;
  blocks: GroupBlock<FleetTableRow>[];
  /** Index into the rows in display order; -1 for none. */
  selectedIndex: number;
  onOpen: (appId: string) => void;
  /** Shown inside the table's frame, under the header, when no row is visible. */
  empty?: ReactNode;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

export function FleetTable({ table, blocks, selectedIndex, onOpen, empty }: FleetTableProps) {
  const all = table.getAllLeafColumns();
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useInnerWidth(scrollRef);
  const folded = useMemo(
    () =>
      foldedFor(
        all.map((c) => ({ id: c.id, ...c.columnDef.meta })),
        width,
      ),
    [all, width],
  );
  const shown = (id: string) => !folded.has(id);
  const columns = all.filter((c) => shown(c.id));
  const costIndex = columns.findIndex((c) => c.id === 'cost');
  const selectedRef = useRef<HTMLTableRowElement>(null);

  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selectedIndex]);

  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, appId: string) => {
    // Links (the app name, the live URL), checkboxes and text selection keep their own behaviour.
    if ((event.target as HTMLElement).closest('a, button, input, label')) return;
    if (window.getSelection()?.toString()) return;
    onOpen(appId);
  };

  // Each block's first row index in display order (the keyboard walks rows in this order).
  const offsets: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    offsets.push(offset);
    offset += block.rows.length;
  }

  return (
    <FoldedColumns.Provider value={folded}>
      <div className="table-scroll" ref={scrollRef}>
        <table
          className="data-table fleet-table"
          data-testid="fleet-table"
          data-folded={[...folded].join(' ') || undefined}
        >
          <colgroup>
            {columns.map((c) => (
              <col key={c.id} style={{ width: c.columnDef.meta?.width }} />
            ))}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers
                  .filter((h) => shown(h.column.id))
                  .map((header) => {
                    const column = header.column;
                    const meta = column.columnDef.meta;
                    const sorted = column.getIsSorted();
                    const alignEnd = meta?.align === 'end';
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        className={alignEnd ? 'align-end' : undefined}
                        aria-sort={column.getCanSort() ? (sorted ? ARIA_SORT[sorted] : 'none') : undefined}
                      >
                        {column.getCanSort() ? (
                          <button
                            type="button"
                            className={`sort-button${sorted ? ' sort-button--active' : ''}`}
                            onClick={column.getToggleSortingHandler()}
                            data-testid={`sort-${column.id}`}
                            title={sortTitle(meta?.label ?? column.id, column.getNextSortingOrder())}
                          >
                            <span>
                              <table.FlexRender header={header} />
                            </span>
                            <span className="sort-indicator" aria-hidden="true">
                              {sorted === 'asc' ? '↑' : sorted === 'desc' ? '↓' : '↕'}
                            </span>
                          </button>
                        ) : (
                          <span className="th-label">
                            <table.FlexRender header={header} />
                          </span>
                        )}
                      </th>
                    );
                  })}
              </tr>
            ))}
          </thead>
          <tbody>
            {blocks.map((block, blockIndex) => (
              <Fragment key={block.group}>
                <tr className="group-row" data-testid="group-row" data-group={block.group}>
                  <td className="col-select">
                    <GroupSelect group={block.group} appIds={block.rows.map((r) => r.original.app.id)} />
                  </td>
                  <th scope="rowgroup" colSpan={costIndex - 1}>
                    <span className="group-row__name">{block.group}</span>
                    <span className="group-row__count">
                      {block.rows.length} {block.rows.length === 1 ? 'app' : 'apps'}
                    </span>
                  </th>
                  <td className="align-end group-row__cost" data-testid="group-cost">
                    <Money cost={block.monthlyCost} />
                  </td>
                  <td colSpan={columns.length - costIndex - 1} />
                </tr>
                {block.rows.map((row, rowIndex) => {
                  const selected = (offsets[blockIndex] ?? 0) + rowIndex === selectedIndex;
                  const app = row.original.app;
                  return (
                    <tr
                      key={row.id}
                      ref={selected ? selectedRef : undefined}
                      className={selected ? 'fleet-row is-selected' : 'fleet-row'}
                      data-testid="fleet-row"
                      data-app-name={app.name}
                      data-app-id={app.id}
                      data-selected={selected || undefined}
                      onClick={(e) => onRowClick(e, app.id)}
                    >
                      {row
                        .getAllCells()
                        .filter((cell) => shown(cell.column.id))
                        .map((cell) => (
                          <td
                            key={cell.id}
                            className={
                              cell.column.columnDef.meta?.align === 'end'
                                ? `align-end col-${cell.column.id}`
                                : `col-${cell.column.id}`
                            }
                          >
                            <table.FlexRender cell={cell} />
                          </td>
                        ))}
                    </tr>
                  );
                })}
              </Fragment>
            ))}
          </tbody>
        </table>
        {blocks.length === 0 ? empty : null}
      </div>
    </FoldedColumns.Provider>
  );
}

function sortTitle(label: string, next: false | 'asc' | 'desc'): string {
  if (next === 'asc') return `Sort by ${label}, ascending`;
  if (next === 'desc') return `Sort by ${label}, descending`;
  return `Clear sorting by ${label}`;
}
