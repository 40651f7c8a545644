// The tenant page's two confirmations about its Supabase project: pause or restore (what stops,
// what it saves, how long the way back takes) and linking or unlinking the project by hand.
import { useState } from 'react';
import type { FleetError, SupabaseProjectDetail, TenantRow } from '../../../src-preload/contract';
import { ConfirmDialog } from '../../components/Dialog';
import { useTenantsStore } from '../../stores/tenantsStore';
import { knownProjects, supabaseStatusWords } from './tenantModel';

export function PauseRestoreDialog({
  action,
  project,
  tenant,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  action: 'pause' | 'restore';
  project: SupabaseProjectDetail;
  tenant: string;
  busy: boolean;
  error?: FleetError;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const pausing = action === 'pause';
  return (
    <ConfirmDialog
      title={pausing ? `Pause ${project.name}?` : `Restore ${project.name}?`}
      subtitle={`Supabase project ${project.ref} · ${project.organization} · ${project.region}`}
      confirmLabel={pausing ? 'Pause project' : 'Restore project'}
      tone={pausing ? 'danger' : 'primary'}
      busy={busy}
      onConfirm={onConfirm}
      onClose={onClose}
      testId={pausing ? 'pause-dialog' : 'restore-dialog'}
    >
      {pausing ? (
        <>
          <p className="dialog__lead">
            <strong>What stops:</strong> the database, Auth, Storage and the REST and Realtime APIs. {tenant}’s app
            keeps running on App Platform, but every request it makes to this project fails until it is restored.
          </p>
          <p className="dialog__lead">
            <strong>What it saves:</strong> a Free project costs nothing either way; pausing frees one of the
            organization’s two free active projects. The data stays where it is.
          </p>
          <p className="dialog__lead">
            <strong>The way back:</strong> Restore takes a few minutes. A paused Free project can be restored for up to
            a year after it was paused.
          </p>
        </>
      ) : (
        <>
          <p className="dialog__lead">
            The database, Auth, Storage and the APIs start again, with the data as it was when the project paused. It
            takes a few minutes; {tenant}’s requests keep failing until the status reads Healthy.
          </p>
          <p className="dialog__lead">
            A Free project costs nothing either way, but it counts again toward the organization’s two free active
            projects.
          </p>
        </>
      )}
      {error ? (
        <p className="field-error" role="alert" data-testid="project-action-error">
          {error.message}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}

export function LinkProjectDialog({
  row,
  busy,
  error,
  onLink,
  onClose,
}: {
  row: TenantRow;
  busy: boolean;
  error?: FleetError;
  onLink: (ref: string) => void;
  onClose: () => void;
}) {
  const matrix = useTenantsStore((s) => s.matrix);
  const matrixError = useTenantsStore((s) => s.error);
  const projects = knownProjects(matrix);
  const [ref, setRef] = useState('');
  return (
    <ConfirmDialog
      title={`Link a Supabase project to ${row.name}`}
      subtitle="Projects the Supabase account can see"
      confirmLabel="Link project"
      confirmDisabled={!ref || ref === row.supabase?.ref}
      busy={busy}
      onConfirm={() => onLink(ref)}
      onClose={onClose}
      testId="link-project-dialog"
    >
      {!matrix ? (
        <p className="dialog__lead">{matrixError ? matrixError.message : 'Reading the account’s projects…'}</p>
      ) : projects.length === 0 ? (
        <p className="dialog__lead">The Supabase account has no projects Fleetdeck can see.</p>
      ) : (
        <fieldset className="check-group link-projects">
          <legend className="visually-hidden">Project</legend>
          {projects.map((p) => (
            <label key={p.ref} className="check check--row">
              <input type="radio" name="project" value={p.ref} checked={ref === p.ref} onChange={() => setRef(p.ref)} />
              <span>
                {p.name} <span className="muted">· {p.organization}</span>
                <span className="check__hint">
                  {supabaseStatusWords(p.status).label} · <code>{p.ref}</code>
                  {p.usedBy ? ` · now matched to ${p.usedBy}` : ' · no tenant uses it'}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <p className="dialog__lead">
        The link is kept for this account context and wins over what the app’s spec says. Nothing changes in the app or
        the project.
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}

export function UnlinkProjectDialog({
  row,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  row: TenantRow;
  busy: boolean;
  error?: FleetError;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const link = row.supabase;
  if (!link) return null;
  const name = link.project?.name ?? link.ref;
  return (
    <ConfirmDialog
      title={`Unlink ${name} from ${row.name}?`}
      confirmLabel="Unlink"
      busy={busy}
      onConfirm={onConfirm}
      onClose={onClose}
      testId="unlink-project-dialog"
    >
      {link.how === 'derived' ? (
        <p className="dialog__lead">
          Fleetdeck derived this project from the app’s spec ({link.from ?? 'SUPABASE_URL'}). Unlinking marks it as not
          this tenant’s on Fleetdeck’s screens; the spec and the project are not changed, and the app keeps using it.
        </p>
      ) : (
        <p className="dialog__lead">
          This project was linked by hand. Unlinking forgets that link; if the app’s spec names a project, Fleetdeck
          goes back to that one.
        </p>
      )}
      {error ? (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
