// "Remove what was created…": main lists exactly what the run created and is still there (asked
// with confirm: false, which deletes nothing); one button deletes those once the tenant's name is
// typed back (an app and a project are gone for good), and the dialog then says what is gone.
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { LoadingState } from '../../components/LoadingState';
import { useOnboardingStore } from '../../stores/onboardingStore';

export function RemoveCreatedDialog({ name }: { name: string }) {
  const open = useOnboardingStore((s) => !!s.removal);
  // Mounted only while open: the typed name starts empty each time.
  return open ? <RemovalDialog name={name} /> : null;
}

function RemovalDialog({ name }: { name: string }) {
  const removal = useOnboardingStore((s) => s.removal);
  const [typed, setTyped] = useState('');
  if (!removal) return null;
  const { closeRemoval, confirmRemoval } = useOnboardingStore.getState();
  // Main answers in creation order and deletes newest first: listed in the order they go.
  const resources = [...(removal.resources ?? [])].reverse();
  const done = !!removal.removed;

  return (
    <Dialog
      title={done ? `Removed what ${name} created` : `Remove what ${name} created?`}
      subtitle={done ? undefined : 'Exactly these, newest first. Nothing else is touched.'}
      onClose={closeRemoval}
      busy={removal.removing}
      testId="remove-created-dialog"
      start="safe"
      footer={
        done ? (
          <button type="button" className="button" onClick={closeRemoval} data-testid="remove-close">
            Close
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={closeRemoval} disabled={removal.removing}>
              Cancel
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={removal.listing || removal.removing || resources.length === 0 || typed !== name}
              onClick={() => void confirmRemoval(typed)}
              data-testid="confirm-button"
            >
              {removal.removing
                ? 'Removing…'
                : `Remove ${resources.length} resource${resources.length === 1 ? '' : 's'}`}
            </button>
          </>
        )
      }
    >
      {removal.listing ? (
        <LoadingState label="Asking what this run created…" />
      ) : done ? (
        <ul className="onboard-created" data-testid="removed-list">
          {[...removal.removed!].reverse().map((r) => (
            <li key={`${r.kind}:${r.id}`}>
              {r.label} <span className="muted">— removed</span>
            </li>
          ))}
        </ul>
      ) : resources.length === 0 && !removal.error ? (
        <p className="dialog__lead">This run created nothing that is still there.</p>
      ) : (
        <>
          <ul className="onboard-created onboard-created--to-remove" data-testid="remove-list">
            {resources.map((r) => (
              <li key={`${r.kind}:${r.id}`} data-kind={r.kind}>
                {r.label}
              </li>
            ))}
          </ul>
          {resources.length > 0 ? (
            <label className="offboard-step__typed">
              <span>
                Type <code>{name}</code> to confirm
              </span>
              <input
                className="input input--compact"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                disabled={removal.removing}
                spellCheck={false}
                autoComplete="off"
                aria-label={`Type ${name} to remove what it created`}
                data-testid="remove-typed-name"
              />
            </label>
          ) : null}
        </>
      )}
      {removal.error ? (
        <p className="field-error" role="alert" data-testid="remove-error">
          {removal.error.message}
        </p>
      ) : null}
    </Dialog>
  );
}
