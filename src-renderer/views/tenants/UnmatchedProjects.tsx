// Supabase projects no tenant uses (a registry, a leftover, a project shared in a way the spec
// does not show), each with "Link to tenant…": the founder picks the tenant it belongs to.
import { useState } from 'react';
import type { TenantsMatrix, UnmatchedProject } from '../../../src-preload/contract';
import { ConfirmDialog } from '../../components/Dialog';
import { useTenantsStore } from '../../stores/tenantsStore';
import { SupabaseStatusBadge } from './tenantCells';

export function UnmatchedProjects({ matrix }: { matrix: TenantsMatrix }) {
  const [linking, setLinking] = useState<UnmatchedProject>();
  if (matrix.providers.supabase.state !== 'connected') return null;
  return (
    <section className="section tenants-unmatched" aria-labelledby="unmatched-title" data-testid="unmatched-projects">
      <h2 className="section__title" id="unmatched-title">
        Supabase projects no tenant uses
        <span className="section__count">{matrix.unmatchedProjects.length}</span>
      </h2>
      {matrix.unmatchedProjects.length === 0 ? (
        <p className="muted section-empty">Every project the Supabase account can see belongs to a tenant.</p>
      ) : (
        <ul className="unmatched-list">
          {matrix.unmatchedProjects.map((p) => (
            <li key={p.ref} className="unmatched-list__item" data-testid="unmatched-project" data-ref={p.ref}>
              <span className="unmatched-list__name">{p.name}</span>
              <span className="muted">{p.organization}</span>
              <code className="tenant-ref">{p.ref}</code>
              <SupabaseStatusBadge status={p.status} />
              <button type="button" className="button button--small" onClick={() => setLinking(p)}>
                Link to tenant…
              </button>
            </li>
          ))}
        </ul>
      )}
      {linking ? <LinkToTenantDialog project={linking} matrix={matrix} onClose={() => setLinking(undefined)} /> : null}
    </section>
  );
}

function LinkToTenantDialog({
  project,
  matrix,
  onClose,
}: {
  project: UnmatchedProject;
  matrix: TenantsMatrix;
  onClose: () => void;
}) {
  const [appId, setAppId] = useState('');
  const busy = useTenantsStore((s) => s.linking === project.ref);
  const error = useTenantsStore((s) => s.linkError);
  const target = matrix.tenants.find((t) => t.appId === appId);
  const close = () => {
    useTenantsStore.getState().clearLinkError();
    onClose();
  };
  const confirm = async () => {
    if (await useTenantsStore.getState().linkProject(appId, project.ref)) onClose();
  };
  return (
    <ConfirmDialog
      title={`Link ${project.name} to a tenant`}
      subtitle={`${project.organization} · ${project.ref}`}
      confirmLabel="Link project"
      confirmDisabled={!appId}
      busy={busy}
      onConfirm={() => void confirm()}
      onClose={close}
      testId="link-tenant-dialog"
    >
      <label className="tenant-field">
        <span>Tenant</span>
        <select
          className="input"
          value={appId}
          onChange={(e) => setAppId(e.target.value)}
          data-testid="link-tenant-select"
        >
          <option value="">Choose a tenant…</option>
          {matrix.tenants.map((t) => (
            <option key={t.appId} value={t.appId}>
              {t.name} ({t.group}){t.supabase?.project ? ` — now ${t.supabase.project.name}` : ''}
            </option>
          ))}
        </select>
      </label>
      <p className="dialog__lead">
        The link is kept for this account context and wins over what the app’s spec says.
        {target?.supabase?.project
          ? ` ${target.name} is now matched to ${target.supabase.project.name}; this replaces it on Fleetdeck’s screens (the app itself is not changed).`
          : ' Nothing changes in the app or the project: Fleetdeck only shows them together.'}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
