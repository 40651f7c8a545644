// "Roll back to this": DigitalOcean's own check of the rollback comes first, in words; only a
// valid rollback can be confirmed.
import { describeError, shortId } from '../../actionFormat';
import { ConfirmDialog } from '../../components/Dialog';
import { PhaseBadge } from '../../components/PhaseBadge';
import { RelativeTime } from '../../components/RelativeTime';
import { useRollbackStore } from '../../stores/rollbackStore';
import { UndoNote } from './AppActions';
import { WithShortIds } from './ShortIds';
import './progress.css';
import './actionDialogs.css';

export function RollbackDialog() {
  const dialog = useRollbackStore((s) => s.dialog);
  const { confirm, close } = useRollbackStore.getState();
  if (!dialog) return null;
  const { app, deployment, checking, check, error } = dialog;
  const short = shortId(deployment.id);
  return (
    <ConfirmDialog
      title={`Roll ${app.name} back to ${short}?`}
      subtitle="Rollback to an earlier successful deployment"
      confirmLabel="Roll back"
      tone="danger"
      confirmDisabled={checking || !check?.valid}
      onConfirm={confirm}
      onClose={close}
      testId="rollback-dialog"
      aside={check?.valid ? <UndoNote /> : null}
    >
      <div className="rollback-target">
        <PhaseBadge phase={deployment.phase} />
        <code className="selectable" title={deployment.id}>
          {short}
        </code>
        <span className="truncate">
          {deployment.cause ? <WithShortIds text={deployment.cause} /> : 'No cause recorded'}
        </span>
        {deployment.commit ? <code className="commit">{deployment.commit}</code> : null}
        <span className="muted">
          <RelativeTime iso={deployment.createdAt} />
        </span>
      </div>
      <p className="dialog__lead">
        App Platform redeploys this deployment’s build and spec. The app is then <strong>pinned</strong> to it: pushes
        and spec changes do not deploy until you keep this version or undo the rollback from the app’s page.
      </p>
      {checking ? (
        <p className="check-status" role="status" data-testid="rollback-checking">
          <span className="spinner" aria-hidden="true" /> Asking DigitalOcean whether this rollback is possible…
        </p>
      ) : error ? (
        <div className="action-error action-error--inline" role="alert" data-code={error.code}>
          <span className="action-error__icon" aria-hidden="true">
            !
          </span>
          <div className="action-error__text">Couldn’t check this rollback. {describeError(error).title}</div>
        </div>
      ) : check && !check.valid ? (
        <div className="action-error action-error--inline" role="alert" data-testid="rollback-invalid">
          <span className="action-error__icon" aria-hidden="true">
            !
          </span>
          <div className="action-error__text">
            <strong>This rollback is not possible.</strong> {check.error ?? 'DigitalOcean refused it without a reason.'}
          </div>
        </div>
      ) : check ? (
        <p className="check-ok" data-testid="rollback-valid">
          <span aria-hidden="true">✓</span> DigitalOcean confirms this rollback is possible.
        </p>
      ) : null}
      {check && check.warnings.length > 0 ? (
        <ul className="warnings" data-testid="rollback-warnings">
          {check.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </ConfirmDialog>
  );
}
