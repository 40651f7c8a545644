// One family's grid (@tanstack/react-table v9): migrations as rows, oldest first, tenants as
// columns. Tenants go across because a family has a handful of them and many migrations; each
// column's header carries the tenant's "N behind" so the laggard is found without reading cells.
import { useMemo } from 'react';
import { createColumnHelper, metaHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { hrefFor } from '../../../stores/navigationStore';
import { behindWords, cellMark, keyOf, type DriftFamily, type DriftMigration, type DriftTenant } from './driftModel';

interface DriftColumnMeta {
  width?: number | string;
  tenant?: DriftTenant;
}

const driftFeatures = tableFeatures({ columnMeta: metaHelper<DriftColumnMeta>() });
const helper = createColumnHelper<typeof driftFeatures, DriftMigration>();

const MARK_LABEL = {
  applied: 'applied',
  missing: 'missing',
  unknown: 'not read',
  other: 'not in this tenant’s schema',
} as const;

function TenantHeader({ tenant }: { tenant: DriftTenant }) {
  const behind = !tenant.problem && tenant.missing.length > 0;
  return (
    <div className="drift-tenant" data-testid="drift-tenant-head" data-tenant={tenant.name}>
      <a className="drift-tenant__name" href={hrefFor({ name: 'tenant', appId: tenant.appId })} title={tenant.ref}>
        {tenant.name}
      </a>
      <span
        className={`drift-tenant__behind${behind ? ' drift-tenant__behind--late' : ''}${tenant.problem ? ' drift-tenant__behind--problem' : ''}`}
        data-testid="drift-behind"
      >
        {behindWords(tenant)}
      </span>
      {tenant.problem ? (
        <span className="drift-tenant__problem" data-testid="drift-problem" title={tenant.problem}>
          {tenant.problem}
        </span>
      ) : null}
    </div>
  );
}

function Cell({ tenant, migration, onApply }: { tenant: DriftTenant; migration: string; onApply: () => void }) {
  const mark = cellMark(tenant, migration);
  const label = `${migration} ${MARK_LABEL[mark]} on ${tenant.name}`;
  const common = { 'data-testid': 'drift-cell', 'data-tenant': tenant.name, 'data-mark': mark } as const;
  if (mark === 'missing') {
    return (
      <button type="button" className="drift-mark drift-mark--missing" onClick={onApply} aria-label={label} {...common}>
        missing
      </button>
    );
  }
  return (
    <span className={`drift-mark drift-mark--${mark}`} aria-label={label} title={label} {...common}>
      {mark === 'applied' ? '✓' : mark === 'unknown' ? '?' : '—'}
    </span>
  );
}

export function DriftGrid({ family, onApply }: { family: DriftFamily; onApply: (migration: string) => void }) {
  const columns = useMemo(
    () =>
      helper.columns([
        helper.display({
          id: 'migration',
          header: () => <span className="th-label">Migration · oldest first</span>,
          meta: { width: 280 },
          cell: ({ row }) => (
            <span className="drift-migration">
              <span className="drift-migration__name">{keyOf(row.original)}</span>
              {row.original.name ? <code className="drift-migration__version">{row.original.version}</code> : null}
            </span>
          ),
        }),
        ...family.tenants.map((tenant) =>
          helper.display({
            id: `tenant:${tenant.appId}`,
            header: () => <TenantHeader tenant={tenant} />,
            meta: { tenant },
            cell: ({ row }) => (
              <Cell tenant={tenant} migration={keyOf(row.original)} onApply={() => onApply(keyOf(row.original))} />
            ),
          }),
        ),
        helper.display({
          id: 'actions',
          header: () => <span className="visually-hidden">Actions</span>,
          meta: { width: 170 },
          cell: ({ row }) => {
            const key = keyOf(row.original);
            const lacking = family.tenants.filter((t) => t.missing.includes(key)).length;
            return lacking > 0 ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => onApply(key)}
                data-testid="drift-apply"
                title={`Apply ${key} to the ${lacking === 1 ? 'tenant' : `${lacking} tenants`} missing it`}
              >
                Apply to tenants…
              </button>
            ) : null;
          },
        }),
      ]),
    [family, onApply],
  );
  const table = useTable({
    features: driftFeatures,
    columns,
    data: family.migrations,
    getRowId: (m) => keyOf(m),
  });

  return (
    <div className="table-scroll">
      <table
        className="data-table drift-grid"
        data-testid="drift-grid"
        style={{ minWidth: 450 + family.tenants.length * 150 }}
      >
        <colgroup>
          {table.getAllLeafColumns().map((c) => (
            <col key={c.id} style={{ width: c.columnDef.meta?.width }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  className={header.column.columnDef.meta?.tenant ? 'drift-grid__tenant' : undefined}
                >
                  <table.FlexRender header={header} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => {
            const key = keyOf(row.original);
            const lacking = family.tenants.some((t) => t.missing.includes(key));
            return (
              <tr
                key={row.id}
                className={lacking ? 'drift-row--lacking' : undefined}
                data-testid="drift-row"
                data-migration={key}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={cell.column.columnDef.meta?.tenant ? 'drift-grid__tenant' : undefined}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
