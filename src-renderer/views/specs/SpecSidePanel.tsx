// Beside the editor: every problem in words at its line (local YAML and schema hints, and the API's
// from the last Validate), and the SECRET envs with their "Change" buttons, pending new values, and
// those to enter again because their new value was kept only in memory by a Fleetdeck since quit.
import { useDeferredValue, useMemo, useState } from 'react';
import type { SpecDraft, SpecProblem } from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { problemList } from '../../specSchema/problemList';
import { localMarks } from '../../specSchema/problems';
import type { LiveHints } from '../../specSchema/schema';
import { secretEnvsIfParsed, type SecretEnv } from '../../specSchema/secrets';
import { problemPlace } from './SpecStatus';
import type { SecretTarget } from './SecretDialog';

interface SpecSidePanelProps {
  text: string;
  draft: SpecDraft;
  hints?: LiveHints;
  /** Validate's problems (the API's and the main process's checks) from the last run. */
  apiProblems: SpecProblem[];
  /** The text that last run checked. */
  validatedText?: string;
  onGoTo: (line: number, column?: number) => void;
  onChangeSecret: (target: SecretTarget) => void;
}

export function SpecSidePanel({
  text,
  draft,
  hints,
  apiProblems,
  validatedText,
  onGoTo,
  onChangeSecret,
}: SpecSidePanelProps) {
  // Parsing waits for a pause in typing: the list may lag a keystroke, the editor never does.
  const deferred = useDeferredValue(text);
  const local = useMemo(() => localMarks(deferred, hints), [deferred, hints]);
  const parsed = useMemo(() => secretEnvsIfParsed(deferred), [deferred]);
  // While the YAML does not parse, the last list that did stands in: "no secrets" would be wrong.
  const [lastParsed, setLastParsed] = useState<SecretEnv[]>(
    () => parsed ?? secretEnvsIfParsed(draft.yaml) ?? secretEnvsIfParsed(draft.baseYaml) ?? [],
  );
  if (parsed && parsed !== lastParsed) setLastParsed(parsed);
  const secrets = parsed ?? lastParsed;
  const unparsed = !parsed;
  const problems = useMemo(
    () => problemList(deferred, apiProblems, validatedText, local),
    [deferred, apiProblems, validatedText, local],
  );
  const outdated = apiProblems.length > 0 && validatedText !== undefined && validatedText !== deferred;
  const pending = new Set(draft.pendingSecrets);
  const reenter = new Set(draft.secretsToReenter ?? []);
  const reenterNames = [...reenter].map(secretName).join(', ');

  return (
    <aside className="spec-side" aria-label="Problems and secrets">
      <section className="spec-side__section" data-testid="spec-problems">
        <h2 className="spec-side__title">
          Problems <span className="section__count">{problems.length}</span>
        </h2>
        {outdated ? (
          <p className="spec-side__note" data-testid="problems-outdated">
            The text changed since the last Validate: its problems are shown where their fields are now. Validate again
            to check the new text.
          </p>
        ) : null}
        {problems.length === 0 ? (
          <p className="muted spec-side__empty">No problems found in the YAML or against the App Spec.</p>
        ) : (
          <ul className="spec-problems">
            {problems.map(({ problem: p, badge, agree, unplaced }, i) => (
              <li key={`${badge}-${i}`}>
                <button
                  type="button"
                  className={`spec-problem spec-problem--${p.severity}`}
                  onClick={() => p.line && onGoTo(p.line, p.column)}
                  data-testid="spec-problem"
                  data-source={p.source}
                  data-line={p.line}
                >
                  <span className="spec-problem__where">
                    <Badge tone={p.severity === 'error' ? 'danger' : 'warning'}>{badge}</Badge>
                    {unplaced ? `was ${problemPlace(p).toLowerCase()}` : problemPlace(p)}
                    {agree.length > 0 ? (
                      <span className="spec-problem__agree" data-testid="spec-problem-agree">
                        {agree.join(' and ')} agree
                      </span>
                    ) : null}
                  </span>
                  <span className="spec-problem__message">{p.message}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="spec-side__section" data-testid="spec-secrets">
        <h2 className="spec-side__title">
          Secrets <span className="section__count">{secrets.length}</span>
        </h2>
        {unparsed ? (
          <p className="spec-side__note spec-side__note--warning" data-testid="secrets-unparsed">
            The YAML doesn’t parse; showing the secrets from the last valid version. Change works again once it parses.
          </p>
        ) : null}
        {secrets.length === 0 ? (
          <p className="muted spec-side__empty">
            {unparsed ? 'The last valid version had no SECRET envs.' : 'This spec has no SECRET envs.'}
          </p>
        ) : (
          <ul className="spec-secrets">
            {secrets.map((s) => (
              <SecretRow
                key={s.id}
                secret={s}
                pending={pending.has(s.id)}
                reenter={reenter.has(s.id)}
                disabled={unparsed}
                onChange={() => onChangeSecret(s)}
              />
            ))}
          </ul>
        )}
        {draft.pendingSecrets.length > 0 ? (
          <p className="spec-side__note" data-testid="pending-secrets">
            New values set for {draft.pendingSecrets.map(secretName).join(', ')}: kept in memory until apply, never
            written to disk.
          </p>
        ) : null}
        {reenter.size > 0 ? (
          <p className="spec-side__note spec-side__note--warning" role="alert" data-testid="reenter-secrets">
            Enter {reenterNames} again with Change: the new value was kept only in memory, and Fleetdeck has restarted
            since. Apply waits until then; Discard draft drops the change instead.
          </p>
        ) : null}
      </section>
    </aside>
  );
}

/** "app/KEY" for an app-level secret id ("/KEY"), "component/KEY" otherwise. */
export const secretName = (id: string) => id.replace(/^\//, 'app/');

interface SecretRowProps {
  secret: SecretEnv;
  pending: boolean;
  reenter: boolean;
  /** The YAML does not parse: the row is from the last valid version and cannot be changed now. */
  disabled: boolean;
  onChange: () => void;
}

function SecretRow({ secret, pending, reenter, disabled, onChange }: SecretRowProps) {
  const state = pending ? (
    <Badge tone="progress">new value set</Badge>
  ) : reenter ? (
    <Badge tone="warning">needs re-entry</Badge>
  ) : secret.clearText ? (
    <Badge tone="warning">typed in clear</Badge>
  ) : secret.encrypted ? (
    <span className="muted">encrypted</span>
  ) : (
    <span className="muted">no value</span>
  );
  return (
    <li
      className="spec-secret"
      data-testid="secret-row"
      data-secret={secret.id}
      data-state={pending ? 'pending' : reenter ? 'reenter' : undefined}
    >
      <span className="spec-secret__name">
        <code>{secret.key}</code>
        <span className="sub">{secret.component ?? 'app-level'}</span>
        {reenter && !pending ? <span className="sub spec-secret__why">the value was kept only in memory</span> : null}
      </span>
      <span className="spec-secret__state">{state}</span>
      <button
        type="button"
        className="button button--small"
        onClick={onChange}
        disabled={disabled}
        title={disabled ? 'Fix the YAML first: a secret is changed in a spec that parses.' : undefined}
        aria-label={`Change ${secret.key}`}
      >
        Change
      </button>
    </li>
  );
}
