// The overview table's features and columns (@tanstack/react-table v9). Both are module-level
// constants so the table's row models are only recomputed when data or state change.
import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  metaHelper,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  type FilterFn,
} from '@tanstack/react-table';
import { HealthBadge } from '../../components/HealthBadge';
import { Money } from '../../components/Money';
import { PhaseBadge } from '../../components/PhaseBadge';
import {
  displayUrl,
  formatAbsoluteTime,
  formatProgress,
  formatRelativeTime,
  sizeLabel,
  kindCounts,
  wrapBetween,
} from '../../format';
import { hrefFor } from '../../stores/navigationStore';
import { useClockStore } from '../../stores/clockStore';
import { useHealthStore } from '../../stores/healthStore';
import { AppAlertMarker } from './AppAlertMarker';
import { UptimeMarker } from './UptimeMarker';
import { appMatchesFilter, healthRank, type FleetRow } from './fleetModel';
import { useFolded } from './priorityColumns';
import { SelectCell } from './selection';

export interface FleetColumnMeta {
  /** Column width (px); the table uses fixed layout so updates never shift columns. */
  width?: number;
  /** For the column without a width: the least it may have before columns fold. */
  minWidth?: number;
  /**
   * In a narrow window the lowest levels fold first. A founder scans name, phase, health, in
   * progress and cost, so those never fold; region and components go under the name, then the
   * instance sizes give way (the app page lists them), then the live URL goes under the name.
   */
  fold?: number;
  align?: 'end';
  /** Header label used for the sort button's accessible name. */
  label: string;
}

export const fleetFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic, text: sortFn_text },
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  columnMeta: metaHelper<FleetColumnMeta>(),
});

export type FleetFeatures = typeof fleetFeatures;

/** The filter box searches the app itself, not one column's value. */
export const fleetGlobalFilter: FilterFn<FleetFeatures, FleetRow> = (row, _columnId, value) =>
  appMatchesFilter(row.original.app, String(value ?? ''));

/** Only one column takes part, so the filter runs once per row. */
export const canGlobalFilter = (column: { id: string }) => column.id === 'name';

const helper = createColumnHelper<FleetFeatures, FleetRow>();

export const fleetColumns = helper.columns([
  helper.display({
    id: 'select',
    header: () => <span className="visually-hidden">Select for a rolling deploy</span>,
    meta: { width: 34, label: 'Select' },
    cell: ({ row }) => <SelectCell appId={row.original.app.id} appName={row.original.app.name} />,
  }),
  helper.accessor((r) => r.app.name, {
    id: 'name',
    header: 'Name',
    sortFn: 'alphanumeric',
    meta: { width: 200, label: 'Name' },
    cell: ({ row }) => <NameCell row={row.original} />,
  }),
  helper.accessor((r) => r.app.region, {
    id: 'region',
    header: 'Region',
    sortFn: 'text',
    meta: { width: 76, fold: 1, label: 'Region' },
    cell: ({ row }) => (
      <span className="region" title={row.original.app.regionLabel}>
        {row.original.app.region}
      </span>
    ),
  }),
  helper.accessor((r) => r.app.components.length, {
    id: 'components',
    header: 'Components',
    sortFn: 'basic',
    meta: { width: 150, fold: 1, label: 'Components' },
    cell: ({ row }) => <KindsCell row={row.original} />,
  }),
  helper.display({
    id: 'sizes',
    header: 'Instances',
    meta: { width: 258, fold: 2, label: 'Instances' },
    cell: ({ row }) => <SizesCell row={row.original} />,
  }),
  helper.accessor((r) => r.app.monthlyCost.max, {
    id: 'cost',
    header: 'Monthly cost',
    sortFn: 'basic',
    sortDescFirst: true,
    meta: { width: 126, align: 'end', label: 'Monthly cost' },
    cell: ({ row }) => <Money cost={row.original.app.monthlyCost} />,
  }),
  helper.accessor((r) => toMs(r.app.activeDeployment?.createdAt), {
    id: 'active',
    header: 'Active deployment',
    sortFn: 'basic',
    sortDescFirst: true,
    sortUndefined: 'last',
    meta: { width: 156, label: 'Active deployment' },
    cell: ({ row }) => {
      const d = row.original.app.activeDeployment;
      if (!d) return <span className="muted">none</span>;
      return (
        <span className="deploy-cell">
          <PhaseBadge phase={d.phase} title={d.cause || undefined} />
          <span className="sep" aria-hidden="true">
            ·
          </span>
          <DeployedAgo iso={d.createdAt} />
        </span>
      );
    },
  }),
  helper.accessor((r) => r.app.inProgressDeployment?.phase, {
    id: 'inProgress',
    header: 'In progress',
    sortFn: 'text',
    sortUndefined: 'last',
    meta: { width: 136, label: 'In progress' },
    cell: ({ row }) => {
      const d = row.original.app.inProgressDeployment;
      if (!d) return <span className="muted">—</span>;
      const progress = formatProgress(d);
      return (
        <span className="deploy-cell" data-testid="in-progress">
          <PhaseBadge phase={d.phase} title={d.progress?.failedStep ?? d.cause} />
          {progress ? <span className="progress-text">{progress}</span> : null}
          {row.original.app.queuedDeployment ? (
            <span
              className="note-tag"
              data-testid="queued-deployment"
              title={`Another deployment (${row.original.app.queuedDeployment.cause}) waits for this one to end: App Platform runs one at a time.`}
            >
              +1 waiting
            </span>
          ) : null}
        </span>
      );
    },
  }),
  helper.accessor((r) => healthRank(r.health), {
    id: 'health',
    header: 'Health',
    sortFn: 'basic',
    sortUndefined: 'last',
    sortDescFirst: false, // worst first
    meta: { width: 118, label: 'Health' },
    cell: ({ row }) => <HealthCell row={row.original} />,
  }),
  helper.display({
    id: 'url',
    header: 'Live URL',
    meta: { minWidth: 110, fold: 3, label: 'Live URL' },
    cell: ({ row }) => <UrlLink url={row.original.app.liveUrl} />,
  }),
]);

function toMs(iso: string | undefined): number | undefined {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

function UrlLink({ url }: { url: string | undefined }) {
  if (!url) return <span className="muted">—</span>;
  return (
    <a className="url" href={url} target="_blank" rel="noreferrer" title={url}>
      {displayUrl(url)}
    </a>
  );
}

function NameCell({ row }: { row: FleetRow }) {
  const { app } = row;
  const folded = useFolded();
  return (
    <>
      <span className="name-cell">
        <a className="app-link" href={hrefFor({ name: 'app', appId: app.id })}>
          {app.name}
        </a>
        {app.pinnedDeploymentId ? (
          <span
            className="pin-tag"
            data-testid="pinned-marker"
            title={`Pinned to deployment ${app.pinnedDeploymentId}: pushes do not deploy`}
          >
            pinned
          </span>
        ) : null}
        <AppAlertMarker appId={app.id} appName={app.name} />
        <UptimeMarker appId={app.id} appName={app.name} />
      </span>
      {folded.size ? <FoldedUnderName row={row} folded={folded} /> : null}
    </>
  );
}

/** What folded columns hold, on one muted line under the name: region · components, live URL. */
function FoldedUnderName({ row, folded }: { row: FleetRow; folded: ReadonlySet<string> }) {
  const { app } = row;
  // Each fact whole on a line: wrapping falls between "2 services" and "1 database", never inside.
  const facts = [
    ...(folded.has('region') ? [app.region] : []),
    ...(folded.has('components') ? kindCounts(app.components) : []),
  ];
  const url = folded.has('url') && app.liveUrl ? app.liveUrl : undefined;
  if (facts.length === 0 && !url) return null;
  return (
    <span className="name-folded" data-testid="name-folded">
      {facts.length ? (
        <span className="name-folded__facts" title={app.regionLabel}>
          {wrapBetween(facts)}
        </span>
      ) : null}
      {url ? <UrlLink url={url} /> : null}
    </span>
  );
}

/** "1 static · 1 service · 1 worker", wrapping only between items. */
function KindsCell({ row }: { row: FleetRow }) {
  return <span className="kinds">{wrapBetween(kindCounts(row.app.components))}</span>;
}

function SizesCell({ row }: { row: FleetRow }) {
  // Services, workers and scheduled jobs run on sizes; deploy-time jobs carry a cost note instead.
  const sized = row.app.components.filter((c) => c.kind !== 'job' || !c.costNote);
  const labels = sized.flatMap((c) => {
    const label = sizeLabel(c);
    return label ? [{ name: c.name, ...label }] : [];
  });
  if (labels.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="sizes">
      {labels.map((l) => (
        <li key={l.name} title={`${l.name}: ${l.slug} ${l.scale}${l.hint ? ` (priced as ${l.hint.slice(2)})` : ''}`}>
          <span className="slug">{l.slug}</span> <span className="scale">{l.scale}</span>
          {l.hint ? <span className="legacy-hint">{l.hint}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function HealthCell({ row }: { row: FleetRow }) {
  const loading = useHealthStore((s) => s.loading);
  const error = useHealthStore((s) => s.error);
  const nowMs = useClockStore((s) => s.nowMs);
  return (
    <HealthBadge
      state={row.health}
      loading={loading}
      pending={row.healthPending}
      checkedAt={row.healthCheckedAt}
      nowMs={nowMs}
      title={!row.health && error ? error.message : undefined}
    />
  );
}

/**
 * When a deployment was made, "3d ago" with the full time on hover — as RelativeTime, but the full
 * time is formatted once per timestamp: toLocaleString builds a formatter per call, and with 2,000
 * apps every scrolled-in row and every clock tick paid for it (the largest script cost in the
 * fleet-scale bench's scrolling profile).
 */
function DeployedAgo({ iso }: { iso: string }) {
  const nowMs = useClockStore((s) => s.nowMs);
  return (
    <time dateTime={iso} title={absoluteTime(iso)} className="reltime">
      {formatRelativeTime(iso, nowMs)}
    </time>
  );
}

const absoluteTimes = new Map<string, string>();
function absoluteTime(iso: string): string {
  let text = absoluteTimes.get(iso);
  if (text === undefined) {
    // Bounded: a long session sees new deployments, not unbounded ones.
    if (absoluteTimes.size > 10_000) absoluteTimes.clear();
    text = formatAbsoluteTime(iso);
    absoluteTimes.set(iso, text);
  }
  return text;
}
