// Schema drift across tenants (#/tenants/schema): which migrations each tenant's Supabase project
// has applied, side by side, one grid per family of tenants sharing a schema, and "Apply to
// tenants…" for a missing one. Tenants whose history could not be read (a paused project, a
// refused token) are named with the reason rather than shown as missing everything.
import { useCallback, useEffect } from 'react';
import type { SchemaDrift } from '../../../../src-preload/contract';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState, InlineWarning } from '../../../components/ErrorState';
import { LoadingState } from '../../../components/LoadingState';
import { hrefFor } from '../../../stores/navigationStore';
import { useSchemaDriftStore } from '../../../stores/schemaDriftStore';
import { ApplyDialog } from './ApplyDialog';
import { DriftGrid } from './DriftGrid';
import { behindCount, layoutDrift } from './driftModel';
import '../../../components/pageHeader.css';
import '../../../components/dataTable.css';
import './schemaDrift.css';

function Stats({ drift }: { drift?: SchemaDrift }) {
  if (!drift) return null;
  const behind = behindCount(drift);
  const unread = drift.tenants.filter((t) => t.problem).length;
  return (
    <dl className="stats" aria-label="Schema drift summary" data-testid="drift-stats">
      <div className="stat">
        <dt>Tenants</dt>
        <dd>{drift.tenants.length}</dd>
      </div>
      <div className="stat">
        <dt>Behind</dt>
        <dd className={behind > 0 ? 'drift-stat--behind' : undefined} data-testid="drift-behind-count">
          {behind}
        </dd>
      </div>
      {unread > 0 ? (
        <div className="stat">
          <dt>Not read</dt>
          <dd className="drift-stat--problem">{unread}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function DriftBody({ drift }: { drift: SchemaDrift }) {
  const openApply = useSchemaDriftStore((s) => s.openApply);
  const onApply = useCallback((migration: string) => openApply(migration), [openApply]);
  if (drift.tenants.length === 0) {
    return (
      <EmptyState title="No tenant has a Supabase project in this context">
        Tenants get one from the SUPABASE_URL (or database host) in their spec, or by a link on the{' '}
        <a href={hrefFor({ name: 'tenants' })}>Tenants</a> page.
      </EmptyState>
    );
  }
  const { families, unread } = layoutDrift(drift);
  return (
    <>
      {families.map((family) => (
        <section
          key={family.tenants.map((t) => t.appId).join(' ')}
          className="section"
          data-testid="drift-family"
          data-groups={family.groups.join(' ')}
        >
          <h2 className="section__title">
            {family.tenants.length === 1 ? family.tenants[0]!.name : family.groups.join(', ')}
            <span className="muted section__hint">
              {family.migrations.length === 1 ? '1 migration' : `${family.migrations.length} migrations`}
              {family.tenants.length === 1
                ? ` · ${family.groups.join(', ')} · a schema of its own`
                : ` · ${family.tenants.length} tenants sharing one schema`}
            </span>
          </h2>
          <DriftGrid family={family} onApply={onApply} />
        </section>
      ))}
      {unread.length > 0 ? (
        <section className="section" data-testid="drift-unread">
          <h2 className="section__title">
            Not compared
            <span className="muted section__hint">no migration history could be read</span>
          </h2>
          <ul className="drift-unread">
            {unread.map((t) => (
              <li key={t.appId} data-testid="drift-unread-tenant" data-tenant={t.name}>
                <a className="strong" href={hrefFor({ name: 'tenant', appId: t.appId })}>
                  {t.name}
                </a>
                <span className="muted"> · {t.group}</span>
                <span className={t.problem ? 'drift-unread__problem' : 'muted'}>
                  {t.problem ?? 'Its project has no migrations recorded.'}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export function SchemaDriftView() {
  const drift = useSchemaDriftStore((s) => s.drift);
  const flow = useSchemaDriftStore((s) => s.flow);
  const load = useSchemaDriftStore((s) => s.load);
  const openApply = useSchemaDriftStore((s) => s.openApply);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main className="view view--drift" aria-labelledby="drift-title" aria-busy={drift.loading}>
      <div className="overview-header">
        <div className="overview-header__title">
          <h1 id="drift-title">Schema drift</h1>
          <Stats drift={drift.value} />
        </div>
        <div className="overview-header__tools">
          <button
            type="button"
            className="button"
            onClick={() => openApply()}
            disabled={!drift.value || drift.value.tenants.length === 0}
            data-testid="drift-apply-file"
          >
            Apply .sql files…
          </button>
          <button
            type="button"
            className="button refresh"
            onClick={() => void load()}
            disabled={drift.loading}
            data-testid="drift-refresh"
          >
            {drift.loading ? 'Refreshing' : 'Refresh'}
          </button>
        </div>
      </div>
      <p className="drift-lead muted">
        Applied migrations of each tenant’s Supabase project, matched by name (a migration applied through the API gets
        a version of its own in each project).
      </p>
      {!drift.value && drift.error ? (
        <ErrorState
          title="Couldn’t read the tenants’ migrations"
          error={drift.error}
          onRetry={() => void load()}
          retrying={drift.loading}
        />
      ) : !drift.value ? (
        <LoadingState label="Reading each tenant’s migrations…" rows={6} columns={5} />
      ) : (
        <>
          {drift.error ? (
            <InlineWarning error={drift.error}>Couldn’t refresh the migrations; showing the last answer.</InlineWarning>
          ) : null}
          <DriftBody drift={drift.value} />
        </>
      )}
      {flow && drift.value ? <ApplyDialog flow={flow} drift={drift.value} /> : null}
    </main>
  );
}
