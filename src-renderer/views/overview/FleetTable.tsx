import type { ReactTable, Row, TableState } from '@tanstack/react-table';
import { measureElement, observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { Money } from '../../components/Money';
import type { FleetFeatures } from './columns';
import type { FleetRow, GroupBlock } from './fleetModel';
import { FoldedColumns, foldedFor, useInnerWidth } from './priorityColumns';
import { rowsToDraw, type RowKey } from './progressiveRows';
import { FleetTableRowView, PendingRow, Spacer } from './fleetRows';
import { GroupSelect } from './selection';
import '../../components/dataTable.css';
import './fleetTable.css';

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

/** Group headers and app rows in display order: what the virtualizer lays out. */
type Item =
  { kind: 'group'; block: GroupBlock<FleetTableRow> } | { kind: 'row'; row: FleetTableRow; displayIndex: number };

const GROUP_HEIGHT = 33;
const ROW_HEIGHT = 41;
const HEADER_HEIGHT = 34;
/**
 * A fleet of up to this many rows (the demo's 12 apps in 5 groups; a founder's first dozens) is
 * drawn whole once the first frame is painted, so finding a row by its text never depends on the
 * scroll position.
 */
const DRAWN_WHOLE_UP_TO = 60;
/**
 * Beyond that, the rows drawn past the frame's edges. A table lays all its rows out again in every
 * scrolled frame, so every row drawn costs each frame of a scroll: a few, not dozens.
 */
const OVERSCAN = 4;
/**
 * The first frame draws little more than what is in view: a start's first paint waits for every
 * row drawn. The rest follows once that frame is painted.
 */
const FIRST_FRAME_OVERSCAN = 2;
/**
 * New rows a scrolled frame draws whole; the others wait a few frames as blank rows (see
 * progressiveRows.ts). With six, frames took 25-45 ms at 2,000 apps on two cores, and one run in
 * three still had a task just over 50 ms; each row fewer saves some 3 ms a frame.
 */
const NEW_ROWS_PER_FRAME = 4;

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
  const foldedKey = [...folded].join(' ');

  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);

  // One flat list for the virtualizer; rowItem[i] is where the i-th app row (display order) sits.
  const { items, rowItem } = useMemo(() => {
    const list: Item[] = [];
    const positions: number[] = [];
    let displayIndex = 0;
    for (const block of blocks) {
      list.push({ kind: 'group', block });
      for (const row of block.rows) {
        positions.push(list.length);
        list.push({ kind: 'row', row, displayIndex: displayIndex++ });
      }
    }
    return { items: list, rowItem: positions };
  }, [blocks]);

  // The rows not drawn yet are taken to be as tall as the last one measured: with that right, a
  // row scrolled into view moves no spacer when it is measured, and its frame lays the table out
  // once, not twice.
  const rowHeight = useRef(ROW_HEIGHT);

  // The React Compiler does not build this app, so nothing memoizes the virtualizer's functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (items[index]?.kind === 'group' ? GROUP_HEIGHT : rowHeight.current),
    measureElement: (element, entry, instance) => {
      // A row just drawn is measured by the ResizeObserver's first report, which comes after the
      // frame's layout. Read at once (offsetHeight, inside React's commit), it forced that layout
      // early: at a start, the page's whole first layout inside the render task (~50 ms).
      if (!entry) {
        const index = instance.indexFromElement(element);
        return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index);
      }
      const size = measureElement(element, entry, instance);
      if (element.classList.contains('fleet-row') && size > 0) rowHeight.current = size;
      return size;
    },
    getItemKey: (index) => {
      const item = items[index];
      return item?.kind === 'group' ? `group:${item.block.group}` : (item?.row.id ?? index);
    },
    overscan: !painted ? FIRST_FRAME_OVERSCAN : items.length <= DRAWN_WHOLE_UP_TO ? items.length : OVERSCAN,
    // The sticky header covers the frame's top: a row scrolled to must land below it.
    scrollPaddingStart: HEADER_HEIGHT,
    // Test DOMs measure nothing: draw as if the frame were a window tall.
    initialRect: { width: 1280, height: 800 },
    observeElementRect: observeFrameAfterLayout,
    // A scroll event renders the table in a task of its own, not inside the event: rendered
    // there (flushSync), its DOM changes forced a second layout in every scrolled frame.
    useFlushSync: false,
  });

  // The keyboard's highlight stays in view, inside the frame and on the page.
  useEffect(() => {
    const at = rowItem[selectedIndex];
    if (at === undefined) return;
    virtualizer.scrollToIndex(at, { align: 'auto' });
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector('tr.is-selected')?.scrollIntoView({ block: 'nearest' });
    });
  }, [selectedIndex, rowItem, virtualizer]);

  const onRowClick = useCallback(
    (event: MouseEvent<HTMLTableRowElement>, appId: string) => {
      // Links (the app name, the live URL), checkboxes and text selection keep their own behaviour.
      if ((event.target as HTMLElement).closest('a, button, input, label')) return;
      if (window.getSelection()?.toString()) return;
      onOpen(appId);
    },
    [onOpen],
  );

  // Rows a scroll brings into view are drawn at a yielding priority: a fast scroll asks for a
  // dozen new rows a frame, and drawn at once they made every frame one long task. The frame
  // scrolls on and the rows follow within a frame or two. Only a scroll waits: new data, a filter
  // or a sort (another list of items) is drawn at once.
  const liveItems = virtualizer.getVirtualItems();
  const scrolled = useDeferredValue(useMemo(() => ({ items, virtualItems: liveItems }), [items, liveItems]));
  const virtualItems = scrolled.items === items ? scrolled.virtualItems : liveItems;
  const before = virtualItems[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (virtualItems.at(-1)?.end ?? 0);

  // A scroll draws a few new rows a frame; anything else (another list of items: new data, a
  // filter, a sort; a small fleet; the first frame) draws every row it wants at once.
  const drawnBefore = useRef<{ items: Item[]; keys: ReadonlySet<RowKey> }>({ items: [], keys: new Set() });
  const [, drawMore] = useState(0);
  const wanted = virtualItems.filter((v) => items[v.index]?.kind === 'row');
  const selectedKey =
    selectedIndex >= 0 ? virtualItems.find((v) => v.index === rowItem[selectedIndex])?.key : undefined;
  const draw =
    painted && items.length > DRAWN_WHOLE_UP_TO && drawnBefore.current.items === items
      ? rowsToDraw(
          wanted,
          drawnBefore.current.keys,
          NEW_ROWS_PER_FRAME,
          ((virtualItems[0]?.index ?? 0) + (virtualItems.at(-1)?.index ?? 0)) / 2,
          new Set(selectedKey === undefined ? [] : [selectedKey]),
        )
      : new Set(wanted.map((v) => v.key));
  const pending = wanted.length - draw.size;
  useLayoutEffect(() => {
    drawnBefore.current = { items, keys: draw };
  });
  useEffect(() => {
    if (pending === 0) return;
    const frame = requestAnimationFrame(() => drawMore((n) => n + 1));
    return () => cancelAnimationFrame(frame);
  });

  return (
    <FoldedColumns.Provider value={folded}>
      <div className="table-scroll fleet-scroll" ref={scrollRef} data-testid="fleet-scroll">
        <table className="data-table fleet-table" data-testid="fleet-table" data-folded={foldedKey || undefined}>
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
          <tbody aria-busy={pending > 0 || undefined}>
            {before > 0 ? <Spacer height={before} span={columns.length} /> : null}
            {virtualItems.map((v) => {
              const item = items[v.index]!;
              if (item.kind === 'group') {
                const block = item.block;
                return (
                  <tr
                    key={v.key}
                    ref={virtualizer.measureElement}
                    data-index={v.index}
                    className="group-row"
                    data-testid="group-row"
                    data-group={block.group}
                  >
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
                );
              }
              if (!draw.has(v.key))
                return <PendingRow key={v.key} index={v.index} span={columns.length} height={rowHeight.current} />;
              return (
                <FleetTableRowView
                  key={v.key}
                  index={v.index}
                  measure={virtualizer.measureElement}
                  table={table}
                  row={item.row}
                  selected={item.displayIndex === selectedIndex}
                  foldedKey={foldedKey}
                  onRowClick={onRowClick}
                />
              );
            })}
            {after > 0 ? <Spacer height={after} span={columns.length} /> : null}
          </tbody>
        </table>
        {blocks.length === 0 ? empty : null}
      </div>
    </FoldedColumns.Provider>
  );
}

/**
 * The frame's size as the ResizeObserver reports it, after the frame's layout. The virtualizer's
 * own observer also reads it at once (clientHeight, in React's commit), forcing a layout of the
 * rows just drawn that the frame would do anyway.
 */
function observeFrameAfterLayout(
  instance: Virtualizer<HTMLDivElement, Element>,
  report: (rect: { width: number; height: number }) => void,
): (() => void) | undefined {
  const frame = instance.scrollElement;
  // Test DOMs without a ResizeObserver: the virtualizer's own, which reads the size once.
  if (!frame || typeof ResizeObserver === 'undefined') return observeElementRect(instance, report);
  const observer = new ResizeObserver(() => report({ width: frame.clientWidth, height: frame.clientHeight }));
  observer.observe(frame);
  return () => observer.disconnect();
}

function sortTitle(label: string, next: false | 'asc' | 'desc'): string {
  if (next === 'asc') return `Sort by ${label}, ascending`;
  if (next === 'desc') return `Sort by ${label}, descending`;
  return `Clear sorting by ${label}`;
}
