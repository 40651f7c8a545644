// The fleet overview: summary header, filter, and the grouped, sortable table of apps. Data and
// view state live in the fleet and health stores; this component only wires them to the table.
import { functionalUpdate, useTable, type Updater } from '@tanstack/react-table';
import { useEffect, useEffectEvent, useMemo, useRef, type ReactNode } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, InlineWarning } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useFleetStore, type FleetSorting } from '../../stores/fleetStore';
import { useHealthStore } from '../../stores/healthStore';
import { oldestCheckedAt } from '../../stores/healthPolicy';
import { useNavigationStore } from '../../stores/navigationStore';
import { useUptimeStore } from '../../stores/uptimeStore';
import { canGlobalFilter, fleetColumns, fleetFeatures, fleetGlobalFilter } from './columns';
import { FleetHeader } from './FleetHeader';
import { RollingDeployButton } from './RollingDeployDialog';
import { RollingPanel } from './RollingPanel';
import { FleetTable } from './FleetTable';
import { groupRows, toFleetRows, type FleetRow } from './fleetModel';

const NO_APPS: FleetRow[] = [];

export function OverviewView() {
  const snapshot = useFleetStore((s) => s.snapshot);
  const loading = useFleetStore((s) => s.loading);
  const error = useFleetStore((s) => s.error);
  const filter = useFleetStore((s) => s.filter);
  const sorting = useFleetStore((s) => s.sorting);
  const selectedIndex = useFleetStore((s) => s.selectedIndex);
  const { load, ensureLoaded, startWatch, stopWatch, setFilter, clearFilter, setSorting, moveSelection } =
    useFleetStore.getState();
  const health = useHealthStore((s) => s.byAppId);
  const openApp = useNavigationStore((s) => s.openApp);
  const filterRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void ensureLoaded();
    startWatch();
    return stopWatch;
  }, [ensureLoaded, startWatch, stopWatch]);
  // Uptime checks' summaries for the rows' markers (main re-reads them at a modest pace).
  useEffect(() => useUptimeStore.getState().watch(), []);

  const healthPending = useHealthStore((s) => s.pendingCount);
  const data = useMemo(() => (snapshot ? toFleetRows(snapshot.apps, health) : NO_APPS), [snapshot, health]);
  const healthAsOf = useMemo(
    () =>
      snapshot
        ? oldestCheckedAt(
            health,
            snapshot.apps.map((a) => a.id),
          )
        : undefined,
    [snapshot, health],
  );

  const table = useTable({
    features: fleetFeatures,
    columns: fleetColumns,
    data,
    getRowId: (row) => row.app.id,
    state: { sorting, globalFilter: filter },
    onSortingChange: (updater: Updater<FleetSorting>) =>
      setSorting(functionalUpdate(updater, useFleetStore.getState().sorting)),
    onGlobalFilterChange: (updater: Updater<string>) =>
      setFilter(functionalUpdate(updater, useFleetStore.getState().filter)),
    globalFilterFn: fleetGlobalFilter,
    getColumnCanGlobalFilter: canGlobalFilter,
    enableSortingRemoval: true,
  });

  const rows = table.getRowModel().rows;
  const costSort = sorting[0]?.id === 'cost' ? sorting[0] : undefined;
  const blocks = useMemo(
    () => groupRows(rows, (row) => row.original.app, costSort && { desc: costSort.desc }),
    [rows, costSort],
  );
  // Display order (group by group) is what the keyboard walks through.
  const visibleIds = useMemo(() => blocks.flatMap((b) => b.rows.map((r) => r.original.app.id)), [blocks]);

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    const inFilter = target === filterRef.current;
    const typing = !inFilter && !!target?.closest('input, textarea, select, [contenteditable="true"]');
    if (typing) return;
    switch (event.key) {
      case '/':
        if (inFilter) return;
        event.preventDefault();
        filterRef.current?.focus();
        filterRef.current?.select();
        return;
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        moveSelection(event.key === 'ArrowDown' ? 1 : -1, visibleIds.length);
        return;
      case 'Enter': {
        // A focused link or button does its own thing.
        if (!inFilter && target?.closest('a, button')) return;
        const id = visibleIds[selectedIndex];
        if (id) {
          event.preventDefault();
          openApp(id);
        }
        return;
      }
      case 'Escape':
        if (filter) {
          event.preventDefault();
          clearFilter();
        } else if (inFilter) {
          filterRef.current?.blur();
        }
        return;
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  let body: ReactNode;
  if (!snapshot && error && !loading) {
    body = <ErrorState title="Couldn’t load the fleet" error={error} onRetry={() => void load()} retrying={loading} />;
  } else if (!snapshot) {
    body = <LoadingState label="Loading fleet…" rows={8} columns={9} />;
  } else if (snapshot.apps.length === 0) {
    body = (
      <EmptyState title="No apps yet">
        This account has no App Platform apps. Apps you create on DigitalOcean appear here within 15 seconds.
      </EmptyState>
    );
  } else {
    body = (
      <>
        {error ? (
          <InlineWarning error={error}>
            Couldn’t refresh; showing the fleet as of the last successful read.
          </InlineWarning>
        ) : null}
        <FleetTable
          table={table}
          blocks={blocks}
          selectedIndex={selectedIndex}
          onOpen={openApp}
          empty={
            <EmptyState
              title={`No apps match “${filter.trim()}”`}
              action={
                <button type="button" className="button" onClick={clearFilter}>
                  Clear filter
                </button>
              }
            >
              The filter matches app names, products, regions and component names.
            </EmptyState>
          }
        />
      </>
    );
  }

  return (
    <main className="view view--overview" aria-labelledby="overview-title">
      <FleetHeader
        snapshot={snapshot}
        loading={loading}
        visibleCount={rows.length}
        filter={filter}
        onFilterChange={setFilter}
        onRefresh={() => void load()}
        filterRef={filterRef}
        actions={snapshot ? <RollingDeployButton apps={snapshot.apps} /> : null}
        healthAsOf={healthAsOf}
        healthPending={healthPending}
      />
      <RollingPanel />
      {body}
    </main>
  );
}
