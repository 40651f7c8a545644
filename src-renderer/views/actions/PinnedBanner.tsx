// A pinned app (after a rollback) ignores pushes and spec changes until the founder decides:
// keep the rolled-back version (commit) or go back to what ran before (revert).
import { useState } from 'react';
import type { FleetApp } from '../../../src-preload/contract';
import { shortId } from '../../actionFormat';
import { ConfirmDialog } from '../../components/Dialog';
import { useActionsStore } from '../../stores/actionsStore';
import { UndoNote } from './AppActions';
import { useActionGate } from './useActionGate';
import '../../components/states.css';
import './progress.css';

export function PinnedBanner({ app }: { app: FleetApp }) {
  const gate = useActionGate(app);
  const commit = useActionsStore((s) => s.commitRollback);
  const revert = useActionsStore((s) => s.revertRollback);
  const [dialog, setDialog] = useState<'keep' | 'undo' | undefined>();
  const pinned = app.pinnedDeploymentId;
  if (!pinned) return null;
  const short = shortId(pinned);
  // Keeping changes nothing that runs, so only an action already on its way blocks it.
  const keepBlocked = gate.state.inFlight ? 'Another action on this app is on its way.' : undefined;
  // Undoing starts a deployment, so a running one blocks it too; the pin itself of course does not.
  const undoBlocked =
    keepBlocked ?? (gate.deploying ? 'A deployment is in progress on this app — wait for it to finish.' : undefined);

  return (
    <div
      className="pinned-banner pinned-banner--actions"
      role="region"
      aria-label="Pinned deployment"
      data-testid="pinned-banner"
    >
      <div className="pinned-banner__text">
        <strong>
          Pinned to deployment{' '}
          <code className="selectable" title={pinned} data-testid="pinned-id">
            {short}
          </code>{' '}
          by a rollback — deploys are blocked.
        </strong>
        <span className="pinned-banner__sub">
          Pushes and spec changes will not deploy until you keep this version or undo the rollback.
        </span>
      </div>
      <div className="pinned-banner__actions">
        <button
          type="button"
          className="button"
          onClick={() => setDialog('undo')}
          disabled={!!undoBlocked}
          title={undoBlocked}
          data-testid="undo-rollback-button"
        >
          {gate.state.inFlight === 'rollback_revert' ? 'Undoing…' : 'Undo rollback'}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => setDialog('keep')}
          disabled={!!keepBlocked}
          title={keepBlocked}
          data-testid="keep-version-button"
        >
          {gate.state.inFlight === 'rollback_commit' ? 'Keeping…' : 'Keep this version'}
        </button>
      </div>

      {dialog === 'keep' ? (
        <ConfirmDialog
          title={`Keep deployment ${short}?`}
          subtitle={app.name}
          confirmLabel="Keep this version"
          onConfirm={() => {
            setDialog(undefined);
            void commit(app);
          }}
          onClose={() => setDialog(undefined)}
        >
          <p className="dialog__lead">
            Commits the rollback: <strong>{app.name}</strong> stays on deployment <code title={pinned}>{short}</code>{' '}
            and is unpinned, so pushes and deploys work again. Nothing is redeployed and nothing restarts.
          </p>
        </ConfirmDialog>
      ) : null}
      {dialog === 'undo' ? (
        <ConfirmDialog
          title="Undo the rollback?"
          subtitle={app.name}
          tone="danger"
          confirmLabel="Undo rollback"
          onConfirm={() => {
            setDialog(undefined);
            void revert(app);
          }}
          onClose={() => setDialog(undefined)}
          aside={<UndoNote />}
        >
          <p className="dialog__lead">
            Starts a new deployment of <strong>{app.name}</strong> from the spec it had before the rollback, and unpins
            it. If the rollback was hiding a problem in that version, the problem comes back.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
