// Settings → Monitoring alert policies: the DigitalOcean account's alerts on droplets, load
// balancers and database clusters (CPU, memory, disk…), each in words, edited in place — the
// comparison, threshold, window, on/off and who is emailed. A threshold out of range or a
// malformed email is refused before anything is sent; the API's refusal shows in its own words.
import { useEffect, type FormEvent } from 'react';
import {
  POLICY_COMPARES,
  POLICY_WINDOWS,
  type AlertPolicyView,
  type PolicyCompare,
  type PolicyWindow,
} from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, InlineWarning } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useAlertPoliciesStore } from '../../stores/alertPoliciesStore';
import './alertPolicies.css';

const COMPARE_WORDS: Record<PolicyCompare, string> = { GreaterThan: 'above', LessThan: 'below' };
const RESOURCE_WORDS: Record<AlertPolicyView['resource'], string> = {
  droplet: 'Droplets',
  load_balancer: 'Load balancers',
  database: 'Databases',
  autoscale: 'Autoscale pools',
};

export const conditionText = (p: Pick<AlertPolicyView, 'metric' | 'compare' | 'value' | 'unit' | 'window'>) =>
  `${p.metric} ${COMPARE_WORDS[p.compare]} ${p.value}${p.unit} for ${p.window}`;

function PolicyEditor({ policy }: { policy: AlertPolicyView }) {
  const draft = useAlertPoliciesStore((s) => s.draft);
  const problem = useAlertPoliciesStore((s) => s.draftProblem);
  const saving = useAlertPoliciesStore((s) => s.saving);
  const saveError = useAlertPoliciesStore((s) => s.saveError);
  const { change, cancel, save } = useAlertPoliciesStore.getState();
  if (!draft) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  return (
    <form className="policy-editor" onSubmit={submit} noValidate data-testid="policy-editor">
      <label>
        <span>When {policy.metric} is</span>
        <select
          className="input input--compact"
          value={draft.compare}
          onChange={(e) => change({ compare: e.target.value as PolicyCompare })}
          data-testid="policy-compare"
        >
          {POLICY_COMPARES.map((c) => (
            <option key={c} value={c}>
              {COMPARE_WORDS[c]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Threshold{policy.unit ? ` (${policy.unit})` : ''}</span>
        <input
          className={`input input--compact policy-editor__value${problem ? ' input--invalid' : ''}`}
          inputMode="decimal"
          value={draft.value}
          onChange={(e) => change({ value: e.target.value })}
          aria-invalid={Boolean(problem)}
          data-testid="policy-value"
        />
      </label>
      <label>
        <span>For</span>
        <select
          className="input input--compact"
          value={draft.window}
          onChange={(e) => change({ window: e.target.value as PolicyWindow })}
          data-testid="policy-window"
        >
          {POLICY_WINDOWS.map((w) => (
            <option key={w} value={w}>
              {w}
            </option>
          ))}
        </select>
      </label>
      <label className="policy-editor__emails">
        <span>Email</span>
        <input
          className="input input--compact"
          value={draft.emails}
          onChange={(e) => change({ emails: e.target.value })}
          placeholder="ops@example.com"
          spellCheck={false}
          data-testid="policy-emails"
        />
      </label>
      <label className="policy-editor__enabled">
        <input
          type="checkbox"
          checked={draft.enabled}
          onChange={(e) => change({ enabled: e.target.checked })}
          data-testid="policy-enabled"
        />
        <span>On</span>
      </label>
      <span className="policy-editor__buttons">
        <button type="button" className="button button--small" onClick={cancel} disabled={saving}>
          Cancel
        </button>
        <button
          type="submit"
          className="button button--small button--primary"
          disabled={saving}
          data-testid="policy-save"
        >
          {saving ? 'Saving…' : 'Save'}
        </button>
      </span>
      {problem ? (
        <p className="field-error policy-editor__problem" role="alert" data-testid="policy-problem">
          {problem}
        </p>
      ) : null}
      {saveError ? (
        <div className="policy-editor__problem">
          <InlineWarning error={saveError}>DigitalOcean did not accept the change; nothing was changed.</InlineWarning>
        </div>
      ) : null}
    </form>
  );
}

function PolicyRow({ policy }: { policy: AlertPolicyView }) {
  const editing = useAlertPoliciesStore((s) => s.draft?.uuid === policy.uuid);
  const anyEditing = useAlertPoliciesStore((s) => s.draft !== undefined);
  return (
    <li className="policy" data-testid="alert-policy" data-policy={policy.description}>
      <div className="policy__line">
        <span className="policy__name">
          <span className="strong">{policy.description}</span>
          <span className="muted">
            {RESOURCE_WORDS[policy.resource]} · {policy.appliesTo}
          </span>
        </span>
        <span className="policy__condition" data-testid="policy-condition">
          {conditionText(policy)}
        </span>
        <span className="muted policy__emails">
          {[...policy.emails, ...policy.slackChannels.map((c) => `Slack ${c}`)].join(', ') || 'no one'}
        </span>
        <Badge tone={policy.enabled ? 'success' : 'muted'}>{policy.enabled ? 'On' : 'Off'}</Badge>
        {editing ? null : (
          <button
            type="button"
            className="button button--small"
            onClick={() => useAlertPoliciesStore.getState().edit(policy.uuid)}
            disabled={anyEditing}
            data-testid="policy-edit"
          >
            Edit
          </button>
        )}
      </div>
      {editing ? <PolicyEditor policy={policy} /> : null}
    </li>
  );
}

export function AlertPoliciesSection() {
  const policies = useAlertPoliciesStore((s) => s.policies);
  const loading = useAlertPoliciesStore((s) => s.loading);
  const error = useAlertPoliciesStore((s) => s.error);
  const load = useAlertPoliciesStore((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);

  let body;
  if (!policies && error && !loading) {
    body = <ErrorState title="Couldn’t read the alert policies" error={error} onRetry={() => void load()} />;
  } else if (!policies) {
    body = <LoadingState label="Loading alert policies…" rows={3} columns={4} />;
  } else if (policies.length === 0) {
    body = (
      <EmptyState title="No alert policies">
        DigitalOcean Monitoring alerts on droplets and databases appear here once the account has some.
      </EmptyState>
    );
  } else {
    body = (
      <>
        {error ? <InlineWarning error={error}>Couldn’t refresh; showing the last read.</InlineWarning> : null}
        <ul className="policy-list">
          {policies.map((p) => (
            <PolicyRow key={p.uuid} policy={p} />
          ))}
        </ul>
      </>
    );
  }
  return (
    <section className="settings-section" aria-labelledby="policies-title" data-testid="alert-policies">
      <h2 id="policies-title" className="settings-section__title">
        Monitoring alert policies
      </h2>
      <p className="muted settings-section__note">
        DigitalOcean’s alerts on droplets, load balancers and database clusters of this context.
      </p>
      {body}
    </section>
  );
}
