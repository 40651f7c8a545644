// The matrix's features and columns (@tanstack/react-table v9). The table only keeps the sort
// state and draws the headers: rows arrive already filtered and sorted by tenantModel (through
// the store), so the order on screen is the one the unit tests check.
import { createColumnHelper, metaHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { ProviderReach, TenantRow } from '../../../src-preload/contract';
import { hrefFor } from '../../stores/navigationStore';
import {
  AppCell,
  BackupsCell,
  CostCell,
  DomainsCell,
  SchemaCell,
  SourceCell,
  SupabaseCell,
  Unavailable,
} from './tenantCells';
import { sortKey } from './tenantModel';
import { UptimeCell } from './UptimeCell';

export interface TenantColumnMeta {
  /** Column width (px); fixed layout so a refresh never shifts columns. */
  width?: number;
  align?: 'end';
  label: string;
}

export const tenantFeatures = tableFeatures({
  rowSortingFeature,
  columnMeta: metaHelper<TenantColumnMeta>(),
});

export type TenantFeatures = typeof tenantFeatures;

const helper = createColumnHelper<TenantFeatures, TenantRow>();
const NO_HEALTH = {};

/** Supabase's reach decides what an unlinked project cell says; the columns are built per matrix. */
export function tenantColumns(supabase: ProviderReach) {
  const unreadable =
    supabase.state === 'connected'
      ? 'The project could not be read.'
      : (supabase.message ?? 'Supabase is not connected.');
  return helper.columns([
    helper.accessor((r) => sortKey(r, 'name', NO_HEALTH), {
      id: 'name',
      header: 'Tenant',
      meta: { width: 165, label: 'Tenant' },
      cell: ({ row }) => (
        <span className="tenant-name">
          <a
            className="app-link"
            href={hrefFor({ name: 'tenant', appId: row.original.appId })}
            tabIndex={-1}
            title={row.original.name}
          >
            {row.original.name}
          </a>
          <span className="tenant-group">{row.original.group}</span>
        </span>
      ),
    }),
    helper.accessor((r) => r.phase, {
      id: 'app',
      header: 'App',
      sortDescFirst: true,
      meta: { width: 180, label: 'App phase and health' },
      cell: ({ row }) => <AppCell row={row.original} />,
    }),
    helper.accessor((r) => sortKey(r, 'source', NO_HEALTH), {
      id: 'source',
      header: 'Deployed vs head',
      sortDescFirst: true,
      meta: { width: 170, label: 'Deployed commit vs branch head' },
      cell: ({ row }) => <SourceCell row={row.original} />,
    }),
    helper.accessor((r) => sortKey(r, 'schema', NO_HEALTH), {
      id: 'schema',
      header: 'Schema',
      sortDescFirst: true,
      meta: { width: 170, label: 'Schema version' },
      cell: ({ row }) => <SchemaCell row={row.original} />,
    }),
    helper.accessor((r) => sortKey(r, 'supabase', NO_HEALTH), {
      id: 'supabase',
      header: 'Supabase',
      meta: { width: 195, label: 'Supabase status' },
      cell: ({ row }) =>
        supabase.state !== 'connected' && row.original.supabase && !row.original.supabase.project ? (
          <Unavailable error={{ code: 'internal', message: unreadable }} what="Supabase" />
        ) : (
          <SupabaseCell link={row.original.supabase} unreadable={unreadable} />
        ),
    }),
    helper.accessor((r) => sortKey(r, 'backups', NO_HEALTH), {
      id: 'backups',
      header: 'Backups',
      sortDescFirst: true,
      meta: { width: 135, label: 'Backups and PITR' },
      cell: ({ row }) => <BackupsCell row={row.original} />,
    }),
    helper.accessor((r) => sortKey(r, 'domains', NO_HEALTH), {
      id: 'domains',
      header: 'Domains OK',
      meta: { width: 130, label: 'Domains OK' },
      cell: ({ row }) => <DomainsCell row={row.original} />,
    }),
    // Narrow, its down paths on a second line: with it the matrix still fits a 1440 px window.
    helper.accessor((r) => r.appId, {
      id: 'uptime',
      header: 'Uptime',
      enableSorting: false,
      meta: { width: 105, label: 'DigitalOcean uptime checks on the health paths' },
      cell: ({ row }) => <UptimeCell appId={row.original.appId} />,
    }),
    helper.accessor((r) => r.cost.total.max, {
      id: 'cost',
      header: 'DO + Supabase',
      sortDescFirst: true,
      meta: { width: 130, align: 'end', label: 'Monthly total, DigitalOcean plus Supabase' },
      cell: ({ row }) => <CostCell row={row.original} />,
    }),
  ]);
}
