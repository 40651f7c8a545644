// The tenant page's Supabase panel: the project's status in plain words, Pause or Restore behind
// an honest confirmation (then the status is followed until it settles), how the project came to
// be this tenant's with link/unlink, and its parts (services, backups, disk, advisors, keys,
// migrations), each degrading on its own.
import { useState } from 'react';
import type { SupabaseProjectState, TenantDetail } from '../../../src-preload/contract';
import { useTenantPageStore } from '../../stores/tenantPageStore';
import { LinkProjectDialog, PauseRestoreDialog, UnlinkProjectDialog } from './ProjectDialogs';
import { AdvisorsPart, BackupsPart, DiskPart, KeysPart, MigrationsPart, ServicesPart } from './ProjectSections';
import { SupabaseStatusBadge } from './tenantCells';
import { isSettling } from './tenantModel';
import { formatUsd } from '../../format';

type Open = 'pause' | 'restore' | 'link' | 'unlink' | undefined;

export function SupabaseProjectPanel({ detail }: { detail: TenantDetail }) {
  const [open, setOpen] = useState<Open>();
  const pending = useTenantPageStore((s) => s.pending);
  const errors = useTenantPageStore((s) => s.actionErrors);
  const settling = useTenantPageStore((s) => s.settling);
  const lastStatus = useTenantPageStore((s) => s.lastStatus);
  const store = useTenantPageStore.getState();
  const { row } = detail;
  const link = row.supabase;

  const close = () => {
    if (open) store.clearActionError(open);
    setOpen(undefined);
  };
  const run = async (action: Exclude<Open, undefined>, ref?: string) => {
    const done =
      action === 'pause'
        ? await store.pause()
        : action === 'restore'
          ? await store.restore()
          : action === 'link'
            ? await store.link(ref ?? '')
            : await store.unlink();
    if (done) setOpen(undefined);
  };

  const linkControls = (
    <div className="panel-actions">
      <button type="button" className="button button--small" onClick={() => setOpen('link')} data-testid="link-project">
        {link ? 'Link another…' : 'Link a project…'}
      </button>
      {link ? (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => setOpen('unlink')}
          data-testid="unlink-project"
        >
          Unlink
        </button>
      ) : null}
    </div>
  );

  let body;
  let parts = null;
  if (!link) {
    body = (
      <p className="muted">
        The app’s spec names no Supabase project (no SUPABASE_URL, *.supabase.co or pooler host) and none is linked.
      </p>
    );
  } else if (link.unmatched) {
    body = (
      <p className="tenant-warn-text" data-testid="project-unmatched">
        <code className="tenant-ref">{link.ref}</code>: {link.unmatched}
      </p>
    );
  } else if (!detail.supabase) {
    body = (
      <p className="project-part__error">
        {link.project ? 'The project was not read.' : 'Supabase is not connected: connect it in Settings → Accounts.'}
      </p>
    );
  } else if (!detail.supabase.ok) {
    body = (
      <p className="project-part__error" role="status" data-testid="project-error">
        {detail.supabase.error.message}
      </p>
    );
  } else {
    const project = detail.supabase.value;
    // Main's answer to a pause or restore shows until the read that follows it lands.
    const status = lastStatus ?? project.status;
    const paused = status === 'INACTIVE';
    body = (
      <>
        <div className="project-status" data-testid="project-status" data-status={status}>
          <SupabaseStatusBadge status={status} />
          <span className="project-status__words">{statusSentence(status)}</span>
          {settling ? (
            <span className="muted project-status__follow" data-testid="project-settling">
              <span className="spinner" aria-hidden="true" /> following until it settles
            </span>
          ) : null}
        </div>
        <p className="project-meta muted">
          {project.name} · {project.organization} · {project.region}
          {project.computeEstimate !== undefined ? ` · compute ≈ ${formatUsd(project.computeEstimate)}/mo` : ''}
        </p>
        <div className="panel-actions">
          {paused ? (
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() => setOpen('restore')}
              disabled={Boolean(pending)}
              data-testid="restore-project"
            >
              Restore…
            </button>
          ) : (
            <button
              type="button"
              className="button button--small button--danger-quiet"
              onClick={() => setOpen('pause')}
              disabled={!project.pause.allowed || Boolean(pending) || isSettling(status)}
              title={project.pause.allowed ? undefined : project.pause.reason}
              data-testid="pause-project"
            >
              Pause…
            </button>
          )}
          {!project.pause.allowed && !paused && project.pause.reason ? (
            <span className="muted panel-actions__why" data-testid="pause-reason">
              {project.pause.reason}
            </span>
          ) : null}
        </div>
      </>
    );
    parts = (
      <>
        <ServicesPart project={project} />
        <BackupsPart project={project} />
        <DiskPart project={project} />
        <AdvisorsPart project={project} />
        <KeysPart project={project} />
        <MigrationsPart project={project} missing={row.schema?.ok ? row.schema.value.missing : undefined} />
        {open === 'pause' || open === 'restore' ? (
          <PauseRestoreDialog
            action={open}
            project={project}
            tenant={row.name}
            busy={pending === open}
            error={errors[open]}
            onConfirm={() => void run(open)}
            onClose={close}
          />
        ) : null}
      </>
    );
  }

  return (
    <section className="tenant-panel" aria-labelledby="panel-supabase" data-testid="panel-supabase">
      <h2 className="tenant-panel__title" id="panel-supabase">
        Supabase project
      </h2>
      {body}
      <div className="project-link">
        {link ? (
          <p className="project-how muted" data-testid="project-how">
            {link.how === 'derived'
              ? `Derived from the spec${link.from ? ` (${link.from})` : ''}.`
              : 'Linked by hand in Fleetdeck.'}
            {link.sharedWith?.length
              ? ` Shared with ${link.sharedWith.join(', ')}: this tenant's total carries an even share of its compute.`
              : ''}
          </p>
        ) : null}
        {linkControls}
      </div>
      {errors.link && open !== 'link' ? <p className="field-error">{errors.link.message}</p> : null}
      {parts}
      {open === 'link' ? (
        <LinkProjectDialog
          row={row}
          busy={pending === 'link'}
          error={errors.link}
          onLink={(ref) => void run('link', ref)}
          onClose={close}
        />
      ) : null}
      {open === 'unlink' ? (
        <UnlinkProjectDialog
          row={row}
          busy={pending === 'unlink'}
          error={errors.unlink}
          onConfirm={() => void run('unlink')}
          onClose={close}
        />
      ) : null}
    </section>
  );
}

function statusSentence(status: SupabaseProjectState): string {
  switch (status) {
    case 'ACTIVE_HEALTHY':
      return 'Running: the database and APIs answer.';
    case 'INACTIVE':
      return 'Paused: the database and APIs do not answer.';
    case 'PAUSING':
    case 'GOING_DOWN':
      return 'Pausing: the database is shutting down.';
    case 'COMING_UP':
    case 'RESTORING':
      return 'Starting: restoring takes a few minutes.';
    case 'ACTIVE_UNHEALTHY':
      return 'Running, but some services report problems.';
    default:
      return `Supabase reports ${status}.`;
  }
}
