// The app's DigitalOcean alerts: what each watches (rule and spec'd threshold), where it goes, and
// whether it is set up. The API reports set-up, not firings, and the section says so rather than
// imply a history it does not have; an alert whose set-up failed tells no one, so it is marked.
import { useRef } from 'react';
import { isAlarming, type AlertPhase, type AppAlert } from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { LoadedSection } from '../../components/LoadedSection';
import { RelativeTime } from '../../components/RelativeTime';
import { useRovingRows } from '../../components/useRovingRows';
import type { Tone } from '../../format';
import { EMPTY_ALERTS_ENTRY, useAppAlertsStore } from '../../stores/appAlertsStore';
import { hrefFor } from '../../stores/navigationStore';
import './alerts.css';

const PHASE: Record<AlertPhase, { tone: Tone; label: string }> = {
  ACTIVE: { tone: 'success', label: 'Set up' },
  PENDING: { tone: 'progress', label: 'Setting up' },
  CONFIGURING: { tone: 'progress', label: 'Setting up' },
  ERROR: { tone: 'danger', label: 'Set-up failed' },
  UNKNOWN: { tone: 'muted', label: 'Unknown' },
};

export function AlertsSection({ appId }: { appId: string }) {
  const entry = useAppAlertsStore((s) => s.byId[appId] ?? EMPTY_ALERTS_ENTRY);
  const load = useAppAlertsStore((s) => s.load);
  const failing = entry.value?.failing ?? 0;
  return (
    <section className="section" id="alerts" aria-labelledby="alerts-title" data-testid="alerts-section">
      <h2 id="alerts-title" className="section__title">
        Alerts <span className="section__count">{entry.value?.alerts.length ?? ''}</span>
        {failing > 0 ? (
          <Badge tone="danger" title="These alerts watch nothing until their set-up succeeds">
            {failing === 1 ? '1 not set up' : `${failing} not set up`}
          </Badge>
        ) : null}
      </h2>
      <LoadedSection what="alerts" state={entry} retry={() => load(appId)} rows={2} columns={4}>
        {(value) =>
          value.alerts.length === 0 ? (
            <p className="muted section-empty">
              No alerts in this app’s spec. Add them under <code>alerts:</code> in the{' '}
              <a href={hrefFor({ name: 'spec', appId })}>spec</a> (app-wide or per component).
            </p>
          ) : (
            <>
              <AlertsTable alerts={value.alerts} />
              <p className="muted alerts__note">
                DigitalOcean reports whether each alert is set up, not when it last fired; notices arrive by the
                destinations listed.
              </p>
            </>
          )
        }
      </LoadedSection>
    </section>
  );
}

function AlertsTable({ alerts }: { alerts: AppAlert[] }) {
  const rowsRef = useRef<HTMLTableElement>(null);
  useRovingRows(rowsRef);
  return (
    <div className="table-scroll">
      <table
        className="data-table alerts-table"
        data-testid="alerts-table"
        aria-label="Alerts: arrow keys move between alerts"
        ref={rowsRef}
      >
        <colgroup>
          <col style={{ width: '30%' }} />
          <col style={{ width: 170 }} />
          <col />
          <col style={{ width: 260 }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Watches</th>
            <th scope="col">Sends to</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <AlertRow key={a.id} alert={a} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AlertRow({ alert: a }: { alert: AppAlert }) {
  const phase = PHASE[a.phase];
  const destinations = [...a.emails, ...a.slack.map((s) => (s.channel ? `Slack ${s.channel}` : `Slack (${s.hint})`))];
  return (
    <tr
      data-testid="alert-row"
      data-rule={a.rule}
      data-phase={a.phase}
      className={isAlarming(a) ? 'is-alarming' : undefined}
    >
      <td>
        <span className="strong">{a.condition}</span>
        <span className="sub">
          <code className="code-chip">{a.rule}</code>
        </span>
      </td>
      <td>{a.componentName ? <code>{a.componentName}</code> : <span className="muted">Whole app</span>}</td>
      <td>
        {destinations.length > 0 ? (
          <span className="alerts__destinations" title={a.slack.map((s) => s.hint).join(', ') || undefined}>
            {destinations.join(', ')}
          </span>
        ) : (
          <span className="muted">No one: add an email or Slack channel</span>
        )}
      </td>
      <td>
        {a.disabled ? (
          <Badge tone="muted">Off in the spec</Badge>
        ) : (
          <Badge tone={phase.tone} title={a.problem}>
            {phase.label}
          </Badge>
        )}
        {a.problem ? (
          <span className="sub alerts__problem" data-testid="alert-problem">
            {a.problem}
          </span>
        ) : a.configuredAt ? (
          <span className="sub muted">
            since <RelativeTime iso={a.configuredAt} />
          </span>
        ) : null}
      </td>
    </tr>
  );
}
