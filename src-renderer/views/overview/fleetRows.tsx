// The overview table's rows: an app row, a row a fast scroll has not drawn yet, and the spacers
// that stand in for the rows outside the frame.
import type { ReactTable, Row, TableState } from '@tanstack/react-table';
import { memo, type MouseEvent } from 'react';
import type { FleetFeatures } from './columns';
import type { FleetRow } from './fleetModel';

type FleetTableInstance = ReactTable<FleetFeatures, FleetRow, TableState<FleetFeatures>>;
type FleetTableRow = Row<FleetFeatures, FleetRow>;

/** Stands in for the rows above or below the frame, so the scrollbar tells the fleet's length. */
export function Spacer({ height, span }: { height: number; span: number }) {
  return (
    <tr className="fleet-spacer" aria-hidden="true">
      <td colSpan={span} style={{ height }} />
    </tr>
  );
}

/** A row a fast scroll has not drawn yet: as tall as the others, drawn within a frame or two. */
export function PendingRow({ index, span, height }: { index: number; span: number; height: number }) {
  return (
    <tr className="fleet-row-pending" data-index={index} data-testid="fleet-row-pending" aria-hidden="true">
      <td colSpan={span} style={{ height }} />
    </tr>
  );
}

interface RowViewProps {
  index: number;
  measure: (node: Element | null) => void;
  table: FleetTableInstance;
  row: FleetTableRow;
  selected: boolean;
  /** The folded columns, as a string so an unchanged set keeps the row from rendering again. */
  foldedKey: string;
  onRowClick: (event: MouseEvent<HTMLTableRowElement>, appId: string) => void;
}

/**
 * One app row. Memoized on what it shows (the app and its health, one FleetRow object while they
 * do not change — see toFleetRows), not on the table's Row, which the table makes anew whenever
 * its data changes: scrolling, a quiet watch tick or a health beat then renders no drawn row again.
 */
export const FleetTableRowView = memo(function FleetTableRowView({
  index,
  measure,
  table,
  row,
  selected,
  foldedKey,
  onRowClick,
}: RowViewProps) {
  const folded = new Set(foldedKey ? foldedKey.split(' ') : []);
  const app = row.original.app;
  return (
    <tr
      ref={measure}
      data-index={index}
      className={selected ? 'fleet-row is-selected' : 'fleet-row'}
      data-testid="fleet-row"
      data-app-name={app.name}
      data-app-id={app.id}
      data-selected={selected || undefined}
      onClick={(e) => onRowClick(e, app.id)}
    >
      {row
        .getAllCells()
        .filter((cell) => !folded.has(cell.column.id))
        .map((cell) => (
          <td
            key={cell.id}
            className={
              cell.column.columnDef.meta?.align === 'end' ? `align-end col-${cell.column.id}` : `col-${cell.column.id}`
            }
          >
            <table.FlexRender cell={cell} />
          </td>
        ))}
    </tr>
  );
}, sameRowView);

function sameRowView(a: RowViewProps, b: RowViewProps): boolean {
  return (
    a.row.original === b.row.original &&
    a.index === b.index &&
    a.selected === b.selected &&
    a.foldedKey === b.foldedKey &&
    a.table === b.table &&
    a.measure === b.measure &&
    a.onRowClick === b.onRowClick
  );
}
