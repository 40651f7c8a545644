// "Deploy to selected (N)" and its confirmation: the apps in the order they will be deployed,
// which of them are blocked and what to do about those, how many at a time, and whether to
// rebuild from scratch.
import { useEffect, useMemo, useState } from 'react';
import type { FleetApp, FleetError } from '../../../src-preload/contract';
import { describeError, orderSelected } from '../../actionFormat';
import { Dialog } from '../../components/Dialog';
import { useEnvironmentStore } from '../../stores/environmentStore';
import { MAX_CONCURRENCY, useRollingStore } from '../../stores/rollingStore';
import { useSelectionStore } from '../../stores/selectionStore';
import { UNDO_SECONDS } from '../../stores/undoStore';
import { appsWithRedHeads, useRollingSourcesStore } from '../../stores/rollingSourcesStore';
import { blockedOf, RollingBlockedChoice } from './RollingBlockedChoice';
import { RedHeadsAck, ShipNote } from './RollingShipNotes';
import '../actions/progress.css';
import './rolling.css';

export function RollingDeployButton({ apps }: { apps: FleetApp[] }) {
  const selected = useSelectionStore((s) => s.selected);
  const retain = useSelectionStore((s) => s.retain);
  const clear = useSelectionStore((s) => s.clear);
  const openDialog = useRollingStore((s) => s.openDialog);
  const dialogOpen = useRollingStore((s) => s.dialogOpen);
  const running = useRollingStore((s) => s.status?.state === 'running' || s.starting);
  const ids = useMemo(() => apps.map((a) => a.id), [apps]);

  // An app that left the fleet cannot stay selected.
  useEffect(() => retain(ids), [ids, retain]);

  const n = selected.length;
  const reason = running
    ? 'A rolling deploy is already running.'
    : n === 0
      ? 'Tick apps in the table to deploy them one after another.'
      : undefined;
  return (
    <>
      {n > 0 ? (
        <button type="button" className="button button--quiet" onClick={clear} data-testid="clear-selection">
          Clear selection
        </button>
      ) : null}
      <button
        type="button"
        className="button button--primary"
        onClick={openDialog}
        disabled={!!reason}
        title={reason}
        data-testid="rolling-deploy-button"
      >
        Deploy to selected ({n})
      </button>
      {dialogOpen ? <RollingDeployDialog apps={apps} /> : null}
    </>
  );
}

function RollingDeployDialog({ apps }: { apps: FleetApp[] }) {
  const selected = useSelectionStore((s) => s.selected);
  const concurrency = useRollingStore((s) => s.concurrency);
  const forceBuild = useRollingStore((s) => s.forceBuild);
  const starting = useRollingStore((s) => s.starting);
  const startError = useRollingStore((s) => s.startError);
  const choice = useRollingStore((s) => s.blockedChoice);
  const readOnlyReason = useEnvironmentStore((s) => s.environment?.readOnlyReason);
  const { closeDialog, setConcurrency, setForceBuild, setBlockedChoice, start } = useRollingStore.getState();
  const ordered = orderSelected(apps, selected);
  const n = ordered.length;
  const blocked = ordered.flatMap((a) => blockedOf(a, readOnlyReason) ?? []);
  const blockedById = new Map(blocked.map((b) => [b.app.id, b]));
  const deployable = n - blocked.length;
  const skipping = blocked.length > 0 && deployable > 0 && choice === 'skip';
  const refused = deployable === 0 || (blocked.length > 0 && choice === 'refuse');
  // What each app would ship, read when the dialog opens; a red head asks once more.
  const ships = useRollingSourcesStore((s) => s.byAppId);
  const orderKey = ordered.map((a) => a.id).join(',');
  useEffect(() => {
    const { load, clear } = useRollingSourcesStore.getState();
    void load(orderKey ? orderKey.split(',') : []);
    return clear;
  }, [orderKey]);
  const [knowCiFailed, setKnowCiFailed] = useState(false);
  const shipping = new Map(
    ordered.filter((a) => !(skipping && blockedById.has(a.id))).map((a) => [a.id, a.name] as const),
  );
  const needsAck = appsWithRedHeads(ships).some((id) => shipping.has(id)) && !knowCiFailed;
  const confirmLabel = starting
    ? 'Starting…'
    : deployable === 0
      ? 'Nothing to deploy'
      : skipping
        ? `Deploy ${deployable} ${deployable === 1 ? 'app' : 'apps'}, skip ${blocked.length}`
        : `Deploy ${n} ${n === 1 ? 'app' : 'apps'}`;

  return (
    <Dialog
      title={`Deploy ${n} ${n === 1 ? 'app' : 'apps'}?`}
      subtitle="Rolling deploy across the fleet"
      onClose={closeDialog}
      busy={starting}
      width={600}
      footer={
        <>
          <span className="dialog__aside muted">You get {UNDO_SECONDS} s to undo before anything is sent.</span>
          <button type="button" className="button" onClick={closeDialog} disabled={starting}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() =>
              void start(
                ordered.map((a) => a.id),
                skipping ? blocked.map((b) => b.app.name) : [],
              )
            }
            disabled={starting || n === 0 || refused || needsAck}
            title={
              refused
                ? 'Blocked apps keep this rolling deploy from starting'
                : needsAck
                  ? 'A branch head failed CI: tick "I know CI failed" to deploy it anyway'
                  : undefined
            }
            data-testid="confirm-button"
            autoFocus
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      <p className="dialog__lead">
        Each app is deployed from its current spec, {concurrency === 1 ? 'one at a time' : `${concurrency} at a time`},
        in this order. If a deployment fails, the rolling deploy stops and the apps after it are left as they are.
        Cancel stops before the next app; deployments already running finish.
      </p>
      <ol className="rolling-order" data-testid="rolling-order">
        {ordered.map((a) => {
          const block = blockedById.get(a.id);
          return (
            <li
              key={a.id}
              className={block && skipping ? 'is-skipped' : undefined}
              data-app-name={a.name}
              data-blocked={block ? 'true' : undefined}
            >
              <span className="strong">{a.name}</span>
              <span className="muted">{a.group}</span>
              <span className="rolling-order__notes">
                {block ? (
                  <span className="pin-tag" title={block.reason}>
                    {block.tag}
                  </span>
                ) : null}
                {block && skipping ? <span className="skip-tag">skipped</span> : null}
                {a.inProgressDeployment ? <span className="note-tag">a deployment is already running</span> : null}
                {block && skipping ? null : <ShipNote preview={ships[a.id]} />}
              </span>
            </li>
          );
        })}
      </ol>
      <RedHeadsAck byAppId={ships} names={shipping} acknowledged={knowCiFailed} onAcknowledge={setKnowCiFailed} />
      {blocked.length > 0 ? (
        <RollingBlockedChoice
          blocked={blocked}
          total={n}
          choice={choice}
          onChoice={setBlockedChoice}
          readOnlyReason={readOnlyReason}
        />
      ) : null}
      <div className="dialog-row">
        <span className="field__label">At a time</span>
        <div className="choice" role="radiogroup" aria-label="Apps deployed at a time">
          {Array.from({ length: MAX_CONCURRENCY }, (_, i) => i + 1).map((c) => (
            <label key={c} className={`choice__item${concurrency === c ? ' is-on' : ''}`}>
              <input
                type="radio"
                name="concurrency"
                checked={concurrency === c}
                onChange={() => setConcurrency(c)}
                data-testid={`concurrency-${c}`}
              />
              {c}
            </label>
          ))}
        </div>
      </div>
      <label className="check">
        <input type="checkbox" checked={forceBuild} onChange={(e) => setForceBuild(e.target.checked)} />
        <span>
          <span className="strong">Force rebuild</span>
          <span className="check__hint">Build every component from scratch, ignoring the build cache. Slower.</span>
        </span>
      </label>
      {startError ? (
        <div className="action-error action-error--inline" role="alert" data-code={startError.code}>
          <span className="action-error__icon" aria-hidden="true">
            !
          </span>
          <div className="action-error__text" data-testid="rolling-start-error">
            The rolling deploy did not start. {startWords(startError)}
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}

/**
 * A refused start (an app blocked, a read-only context) carries main's own words: which apps and
 * why. The generic wording for those codes speaks of a single app's action, which this is not.
 */
function startWords(error: FleetError): string {
  return error.code === 'conflict' || error.code === 'forbidden' ? error.message : describeError(error).title;
}
