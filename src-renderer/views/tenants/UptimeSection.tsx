// The tenant page's health endpoints: each HTTP health path (from the spec's health checks, or
// added here), the DigitalOcean Uptime check on it and what its regions see. "Monitor with
// DigitalOcean uptime checks" first shows what one click would create, then creates only the
// checks that are missing; a check is deleted after a confirmation naming it.
import { useEffect, type FormEvent } from 'react';
import type { HealthPath, UptimeCheckView } from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorState, InlineWarning } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { formatDuration, formatRelativeTime } from '../../format';
import { useClockStore } from '../../stores/clockStore';
import { useEnvironmentStore } from '../../stores/environmentStore';
import { useTenantUptimeStore } from '../../stores/tenantUptimeStore';
import { UptimePlanDialog } from './UptimePlanDialog';
import { regionWords } from './uptimeWords';
import './uptime.css';

export function CheckState({ check }: { check: UptimeCheckView }) {
  const nowMs = useClockStore((s) => s.nowMs);
  if (check.status === 'disabled') return <Badge tone="muted">Off</Badge>;
  const tone = check.status === 'up' ? 'success' : check.status === 'down' ? 'danger' : 'progress';
  const label = check.status === 'up' ? 'Up' : check.status === 'down' ? 'Down' : 'Checking';
  const outage = check.previousOutage;
  return (
    <span className="uptime-state" data-testid="uptime-state" data-status={check.status}>
      <Badge tone={tone} title={check.stateError ?? undefined}>
        {label}
      </Badge>
      <span className="uptime-regions">
        {check.regions.map((r) => (
          <span
            key={r.region}
            className={`uptime-region uptime-region--${r.status.toLowerCase()}`}
            title={`${regionWords(r.region)}: ${r.status}${r.since ? ` since ${formatRelativeTime(r.since, nowMs)}` : ''}${r.uptime30d !== undefined ? ` · ${r.uptime30d}% over 30 days` : ''}`}
          >
            {regionWords(r.region)} {r.status === 'UP' ? 'up' : r.status === 'DOWN' ? 'down' : '…'}
            {r.uptime30d !== undefined ? <span className="muted"> {r.uptime30d}%</span> : null}
          </span>
        ))}
      </span>
      {outage ? (
        <span className="muted uptime-outage">
          last outage {formatRelativeTime(outage.endedAt ?? outage.startedAt, nowMs)} in {regionWords(outage.region)}
          {outage.durationSeconds !== undefined ? `, ${formatDuration(outage.durationSeconds)}` : ''}
        </span>
      ) : null}
    </span>
  );
}

function PathRow({ path, busy, readOnly }: { path: HealthPath; busy: boolean; readOnly?: string }) {
  const { removePath, askDelete } = useTenantUptimeStore.getState();
  return (
    <tr data-testid="health-path" data-path={path.path}>
      <td>
        <span className="uptime-path">{path.path}</span>
        <span className="muted uptime-host">{path.host}</span>
      </td>
      <td className="muted">{path.source === 'spec' ? `spec · ${path.component ?? ''}` : 'added here'}</td>
      <td>{path.check ? <CheckState check={path.check} /> : <span className="muted">no check</span>}</td>
      <td className="align-end uptime-actions">
        {path.check ? (
          <button
            type="button"
            className="button button--small button--danger-quiet"
            onClick={() => askDelete(path.check!.id)}
            disabled={busy || Boolean(readOnly)}
            title={readOnly}
            data-testid="delete-check"
          >
            Delete check
          </button>
        ) : null}
        {path.source === 'user' ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => void removePath(path.path)}
            disabled={busy}
            title={path.check ? 'The path leaves this list; its check stays until you delete it' : undefined}
            data-testid="remove-path"
          >
            Remove path
          </button>
        ) : null}
      </td>
    </tr>
  );
}

function AddPathForm() {
  const draft = useTenantUptimeStore((s) => s.pathDraft);
  const problem = useTenantUptimeStore((s) => s.pathError);
  const saving = useTenantUptimeStore((s) => s.savingPath);
  const { setPathDraft, addPath } = useTenantUptimeStore.getState();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void addPath();
  };
  return (
    <form className="uptime-add" onSubmit={submit} noValidate>
      <label className="uptime-add__label" htmlFor="health-path-input">
        Add a health path
      </label>
      <input
        id="health-path-input"
        className={`input input--compact${problem ? ' input--invalid' : ''}`}
        placeholder="/health/database"
        value={draft}
        onChange={(e) => setPathDraft(e.target.value)}
        aria-invalid={Boolean(problem)}
        aria-describedby={problem ? 'health-path-error' : undefined}
        spellCheck={false}
        autoComplete="off"
        data-testid="health-path-input"
      />
      <button type="submit" className="button button--small" disabled={saving || !draft.trim()} data-testid="add-path">
        Add
      </button>
      {problem ? (
        <p className="field-error" id="health-path-error" role="alert" data-testid="health-path-error">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

export function UptimeSection({ appId }: { appId: string }) {
  const uptime = useTenantUptimeStore((s) => (s.appId === appId ? s.uptime : undefined));
  const loading = useTenantUptimeStore((s) => s.loading);
  const error = useTenantUptimeStore((s) => s.error);
  const saving = useTenantUptimeStore((s) => s.savingPath);
  const planOpen = useTenantUptimeStore((s) => s.planOpen);
  const lastCreated = useTenantUptimeStore((s) => s.lastCreated);
  const deleting = useTenantUptimeStore((s) => s.deleting);
  const deleteBusy = useTenantUptimeStore((s) => s.deleteBusy);
  const deleteError = useTenantUptimeStore((s) => s.deleteError);
  const readOnly = useEnvironmentStore((s) => s.environment?.readOnlyReason);
  const { open, leave, load, showPlan, cancelDelete, confirmDelete } = useTenantUptimeStore.getState();

  useEffect(() => {
    void open(appId);
    return () => leave();
  }, [appId, open, leave]);

  let body;
  if (!uptime && error && !loading) {
    body = <ErrorState title="Couldn’t read the uptime checks" error={error} onRetry={() => void load()} />;
  } else if (!uptime) {
    body = <LoadingState label="Reading uptime checks…" rows={3} columns={4} />;
  } else {
    const busy = saving || deleteBusy;
    body = (
      <>
        {error ? <InlineWarning error={error}>Couldn’t refresh; showing the last read.</InlineWarning> : null}
        {uptime.paths.length === 0 ? (
          <p className="muted" data-testid="uptime-empty">
            {uptime.blocked}
          </p>
        ) : (
          <table className="data-table uptime-table" data-testid="health-paths">
            <thead>
              <tr>
                <th scope="col">Health path</th>
                <th scope="col">From</th>
                <th scope="col">DigitalOcean uptime check</th>
                <th scope="col" className="align-end">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {uptime.paths.map((p) => (
                <PathRow key={p.url} path={p} busy={busy} readOnly={readOnly} />
              ))}
            </tbody>
          </table>
        )}
        {uptime.otherChecks.length > 0 ? (
          <p className="muted uptime-others" data-testid="other-checks">
            Also on this tenant’s hosts: {uptime.otherChecks.map((c) => `${c.name} (${c.status})`).join(', ')}
          </p>
        ) : null}
        {lastCreated ? (
          <p className="uptime-created" role="status" data-testid="uptime-created">
            {lastCreated.created.length > 0
              ? `Created ${lastCreated.created.length} check${lastCreated.created.length === 1 ? '' : 's'} at DigitalOcean; they keep running with Fleetdeck closed.`
              : 'Every health path already had a check: nothing was created.'}
            {lastCreated.alertProblem ? ` Alerts could not be set up: ${lastCreated.alertProblem}` : ''}
          </p>
        ) : null}
        <div className="uptime-footer">
          <AddPathForm />
          <span className="uptime-monitor">
            {readOnly ? <span className="muted panel-actions__why">{readOnly}</span> : null}
            <button
              type="button"
              className="button button--primary"
              onClick={showPlan}
              disabled={uptime.plan.length === 0 || Boolean(readOnly)}
              title={uptime.plan.length === 0 ? 'Every health path has a check' : undefined}
              data-testid="monitor-button"
            >
              Monitor with DigitalOcean uptime checks
            </button>
          </span>
        </div>
      </>
    );
  }

  const target = uptime?.paths.find((p) => p.check?.id === deleting)?.check;
  return (
    <section className="tenant-panel uptime-section" aria-labelledby="panel-uptime" data-testid="panel-uptime">
      <h2 className="tenant-panel__title" id="panel-uptime">
        Health endpoints and uptime
        {uptime ? (
          <span className="muted uptime-summary" data-testid="uptime-summary">
            {uptime.summary.checked} of {uptime.summary.paths} watched
          </span>
        ) : null}
      </h2>
      {body}
      {planOpen && uptime ? <UptimePlanDialog uptime={uptime} /> : null}
      {deleting && target ? (
        <ConfirmDialog
          title={`Delete the uptime check on ${target.target}?`}
          subtitle={target.name}
          confirmLabel="Delete check"
          tone="danger"
          busy={deleteBusy}
          onConfirm={() => void confirmDelete()}
          onClose={cancelDelete}
          testId="delete-check-dialog"
        >
          <p className="dialog__lead">
            DigitalOcean stops checking this path from {target.regions.map((r) => regionWords(r.region)).join(' and ')},
            and its alerts go with it. The path stays listed; you can monitor it again in one click.
          </p>
          {deleteError ? <InlineWarning error={deleteError}>The check was not deleted.</InlineWarning> : null}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
