// The app page's Deploy and Restart buttons and their confirmations. Which dialog is open is the
// dialogs store's (so the palette opens them too); the choices inside are the dialog's own state;
// sending is the actions store's, and what a deploy would ship is read by the deploy source store
// as the dialog opens.
import { useEffect, useState } from 'react';
import type { ComponentDetail, FleetApp } from '../../../src-preload/contract';
import { ConfirmDialog } from '../../components/Dialog';
import { kindLabel } from '../../format';
import { useActionsStore } from '../../stores/actionsStore';
import { openDialogFor, useAppActionDialogsStore } from '../../stores/appActionDialogsStore';
import { UNDO_SECONDS } from '../../stores/undoStore';
import { DeployDialog } from './DeployDialog';
import { useActionGate } from './useActionGate';

/** Components that run instances a restart can replace. */
const restartable = (c: ComponentDetail) => c.kind === 'service' || c.kind === 'worker';

export function AppActions({ app, components }: { app: FleetApp; components: ComponentDetail[] }) {
  const gate = useActionGate(app);
  const deploy = useActionsStore((s) => s.deploy);
  const restart = useActionsStore((s) => s.restart);
  const open = useAppActionDialogsStore(openDialogFor(app.id));
  const show = useAppActionDialogsStore((s) => s.show);
  const close = useAppActionDialogsStore((s) => s.close);
  const dialog = open?.dialog;
  // Leaving the page closes its dialog, as when it was the page's own state: it must not wait
  // unseen for the next visit.
  useEffect(
    () => () => {
      if (useAppActionDialogsStore.getState().open?.appId === app.id) useAppActionDialogsStore.getState().close();
    },
    [app.id],
  );
  const deployBlocked = gate.reason('deploy');
  const restartBlocked = gate.reason('restart');
  const running = components.filter(restartable);

  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => show(app.id, 'restart')}
        disabled={!!restartBlocked || running.length === 0}
        title={
          restartBlocked ??
          (running.length === 0
            ? 'This app has no services or workers to restart'
            : 'Restart components without a new build')
        }
        data-testid="restart-button"
      >
        Restart…
      </button>
      <button
        type="button"
        className="button button--primary"
        onClick={() => show(app.id, 'deploy')}
        disabled={!!deployBlocked}
        title={deployBlocked ?? `Deploy ${app.name} from its current spec`}
        aria-describedby={deployBlocked ? 'deploy-blocked' : undefined}
        data-testid="deploy-button"
      >
        {gate.state.inFlight === 'deploy' ? 'Deploying…' : 'Deploy'}
      </button>
      {deployBlocked && app.pinnedDeploymentId ? (
        <span id="deploy-blocked" className="visually-hidden">
          {deployBlocked}
        </span>
      ) : null}

      {dialog === 'deploy' ? (
        <DeployDialog
          app={app}
          components={components}
          onClose={close}
          onConfirm={(forceBuild) => {
            close();
            void deploy(app, { forceBuild });
          }}
        />
      ) : null}
      {dialog === 'restart' ? (
        <RestartDialog
          app={app}
          components={running}
          initial={open?.options.components}
          onClose={close}
          onConfirm={(chosen) => {
            close();
            void restart(app, chosen.length === running.length ? undefined : chosen);
          }}
        />
      ) : null}
    </>
  );
}

interface RestartDialogProps {
  app: FleetApp;
  components: ComponentDetail[];
  /** Components ticked at first (all when absent; names the app does not run are dropped). */
  initial?: string[];
  onClose: () => void;
  onConfirm: (components: string[]) => void;
}

function RestartDialog({ app, components, initial, onClose, onConfirm }: RestartDialogProps) {
  const [chosen, setChosen] = useState<string[]>(() =>
    components.map((c) => c.name).filter((name) => !initial || initial.includes(name)),
  );
  const all = chosen.length === components.length;
  const toggle = (name: string) =>
    setChosen((list) => (list.includes(name) ? list.filter((n) => n !== name) : [...list, name]));
  return (
    <ConfirmDialog
      title={`Restart ${all ? app.name : chosen.join(', ') || 'components'}?`}
      subtitle={app.name}
      confirmLabel={all ? 'Restart all' : `Restart ${chosen.length} of ${components.length}`}
      confirmDisabled={chosen.length === 0}
      onConfirm={() => onConfirm(chosen)}
      onClose={onClose}
      aside={<UndoNote />}
    >
      <p className="dialog__lead">
        Starts a deployment that replaces the running instances of the chosen components with fresh ones of the same
        build and spec. Nothing is rebuilt and the spec does not change.
      </p>
      <fieldset className="check-group">
        <legend className="visually-hidden">Components to restart</legend>
        <label className="check check--row">
          <input
            type="checkbox"
            checked={all}
            ref={(el) => {
              if (el) el.indeterminate = !all && chosen.length > 0;
            }}
            onChange={() => setChosen(all ? [] : components.map((c) => c.name))}
            data-testid="restart-all"
          />
          <span className="strong">All components</span>
        </label>
        {components.map((c) => (
          <label key={c.name} className="check check--row check--nested">
            <input
              type="checkbox"
              checked={chosen.includes(c.name)}
              onChange={() => toggle(c.name)}
              data-testid="restart-component"
              data-component-name={c.name}
            />
            <span>
              {c.name} <span className="muted">{kindLabel(c.kind)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {chosen.length === 0 ? <p className="field-error">Choose at least one component.</p> : null}
    </ConfirmDialog>
  );
}

export function UndoNote() {
  return <span className="muted">You get {UNDO_SECONDS} s to undo before anything is sent.</span>;
}
