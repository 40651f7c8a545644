// The rolling-deploy dialog's answer to "some of these apps cannot be deployed": skip them (the
// default, so one pinned tenant does not hold back the rest) or do not start. When every selected
// app is blocked there is nothing to choose: the dialog says why nothing can start.
import type { FleetApp } from '../../../src-preload/contract';
import { shortId } from '../../actionFormat';
import type { BlockedChoice } from '../../stores/rollingStore';
import './rolling.css';

export interface BlockedApp {
  app: FleetApp;
  /** The tag beside the app in the order list. */
  tag: string;
  /** The full reason, for its tooltip. */
  reason: string;
}

/** Why an app cannot be deployed now, as far as the overview's last read knows (main checks again). */
export function blockedOf(app: FleetApp, readOnlyReason: string | undefined): BlockedApp | undefined {
  if (readOnlyReason) return { app, tag: 'read-only context', reason: readOnlyReason };
  if (app.pinnedDeploymentId)
    return {
      app,
      tag: 'pinned by a rollback — deploys are blocked',
      reason: `Pinned to ${shortId(app.pinnedDeploymentId)} by a rollback: keep that version or undo the rollback first.`,
    };
  return undefined;
}

const names = (blocked: readonly BlockedApp[]) => blocked.map((b) => b.app.name).join(', ');

export function RollingBlockedChoice({
  blocked,
  total,
  choice,
  onChoice,
  readOnlyReason,
}: {
  blocked: readonly BlockedApp[];
  total: number;
  choice: BlockedChoice;
  onChoice: (choice: BlockedChoice) => void;
  readOnlyReason?: string;
}) {
  const k = blocked.length;
  const others = total - k;
  const they = k === 1 ? 'it' : 'them';
  const fix = readOnlyReason
    ? readOnlyReason
    : `Keep or undo the rollback on ${k === 1 ? 'the app’s page' : 'each app’s page'} first.`;

  if (others === 0) {
    return (
      <div className="rolling-blocked is-refused" data-testid="rolling-blocked" data-choice="none">
        <p className="rolling-blocked__title">
          Nothing to deploy: {k === 1 ? 'the selected app is' : `all ${k} selected apps are`} blocked.
        </p>
        <p className="rolling-blocked__text" data-testid="rolling-refusal">
          {fix}
        </p>
      </div>
    );
  }

  return (
    <fieldset className="rolling-blocked" data-testid="rolling-blocked" data-choice={choice}>
      <legend className="rolling-blocked__title">
        {k} of {total} selected apps {k === 1 ? 'is' : 'are'} blocked: {names(blocked)}
      </legend>
      <label className="check">
        <input
          type="radio"
          name="blocked-choice"
          checked={choice === 'skip'}
          onChange={() => onChoice('skip')}
          data-testid="blocked-skip"
        />
        <span>
          <span className="strong">Skip blocked apps</span>
          <span className="check__hint">
            Deploy the other {others}; {names(blocked)} {k === 1 ? 'is' : 'are'} listed as skipped in the run and the
            Activity log.
          </span>
        </span>
      </label>
      <label className="check">
        <input
          type="radio"
          name="blocked-choice"
          checked={choice === 'refuse'}
          onChange={() => onChoice('refuse')}
          data-testid="blocked-refuse"
        />
        <span>
          <span className="strong">Don’t start</span>
          <span className="check__hint">
            Resolve {they} first, then deploy all {total} together.
          </span>
        </span>
      </label>
      {choice === 'refuse' ? (
        <p className="rolling-blocked__text" data-testid="rolling-refusal">
          Not started: {names(blocked)} {k === 1 ? 'is' : 'are'} blocked. {fix}
        </p>
      ) : null}
    </fieldset>
  );
}
