// The tenant ↔ DNS check, app by app: each custom domain's record status, App Platform phase,
// certificate and TXT validations, what is wrong in words, and its Fix and Check live buttons.
// An app whose domains are all ok takes one line until opened. Stray records follow: those pointing
// at App Platform hosts no app owns (a Fix only for a host that is gone), and those pointing at an
// app here that does not serve their name (no Fix: the spec or the record is wrong).
import { Fragment, useState } from 'react';
import type {
  AppDnsCheck,
  AppDomainCheck,
  AppDomainPhase,
  DnsCheckReport,
  DnsFix,
  LiveProbe,
} from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import type { Loadable } from '../../stores/dnsStore';
import { hrefFor } from '../../stores/navigationStore';
import { formatClockTime } from '../../format';
import {
  awaitingRevalidation,
  certTone,
  daysText,
  PHASE_TONE,
  recordText,
  STATUS_LABEL,
  STATUS_TITLE,
  STATUS_TONE,
} from './dnsFormat';
import { LiveProbeResult } from './LiveProbeResult';
import { domainAnchor } from './reportFindings';

interface CheckReportProps {
  report: DnsCheckReport;
  probes: Record<string, Loadable<LiveProbe>>;
  rechecks: Record<string, Loadable<Recheck>>;
  onFix: (fix: DnsFix) => void;
  onProbe: (hostname: string) => void;
  onRecheck: (hostname: string) => void;
  /** Why changes are off (a read-only token), if they are. */
  readOnly?: string;
}

type Recheck = { phase?: AppDomainPhase; checkedAt: string };

export function CheckReport({ report, ...rest }: CheckReportProps) {
  // Which all-ok apps the founder opened; an app with a finding is always open.
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const toggle = (appId: string) =>
    setOpened((s) => {
      const next = new Set(s);
      if (!next.delete(appId)) next.add(appId);
      return next;
    });
  return (
    <div className="dns-report" data-testid="dns-report">
      {report.apps.map((app) =>
        allOk(app) && !opened.has(app.appId) ? (
          <OkAppLine key={app.appId} app={app} onOpen={() => toggle(app.appId)} />
        ) : (
          <AppCard key={app.appId} app={app} {...rest} onCollapse={allOk(app) ? () => toggle(app.appId) : undefined} />
        ),
      )}
      {report.appsWithoutDomains > 0 ? (
        <p className="muted dns-report__aside">
          {report.appsWithoutDomains} {report.appsWithoutDomains === 1 ? 'app answers' : 'apps answer'} only on the
          default ingress host (no custom domains).
        </p>
      ) : null}
    </div>
  );
}

const allOk = (app: AppDnsCheck) => app.domains.every((d) => d.severity === 'ok');

/** An app whose every domain is served right: one line, opened on demand. */
function OkAppLine({ app, onOpen }: { app: AppDnsCheck; onOpen: () => void }) {
  return (
    <section
      className="dns-app dns-app--collapsed"
      data-testid="dns-app"
      data-app={app.appName}
      data-collapsed="true"
      aria-label={`DNS of ${app.appName}`}
    >
      <button
        type="button"
        className="dns-app__toggle"
        aria-expanded={false}
        onClick={onOpen}
        data-testid="dns-app-toggle"
        title="Show this app’s domains"
      >
        <span className="dns-app__chevron" aria-hidden="true">
          ▸
        </span>
        <span className="dns-app__name">{app.appName}</span>
      </button>
      <Badge tone="success">{app.domains.length === 1 ? 'ok' : `${app.domains.length} ok`}</Badge>
      <span className="muted dns-app__hosts" title={app.domains.map((d) => d.hostname).join(', ')}>
        {app.domains.map((d) => d.hostname).join(' · ')}
      </span>
    </section>
  );
}

function AppCard({
  app,
  probes,
  rechecks,
  onCollapse,
  ...actions
}: { app: AppDnsCheck; onCollapse?: () => void } & Omit<CheckReportProps, 'report'>) {
  return (
    <section className="dns-app" data-testid="dns-app" data-app={app.appName} aria-label={`DNS of ${app.appName}`}>
      <header className="dns-app__header">
        {onCollapse ? (
          <button
            type="button"
            className="dns-app__toggle"
            aria-expanded={true}
            onClick={onCollapse}
            aria-label={`Collapse ${app.appName}`}
            title="Collapse: every domain is ok"
          >
            <span className="dns-app__chevron" aria-hidden="true">
              ▾
            </span>
          </button>
        ) : null}
        <a className="dns-app__name" href={hrefFor({ name: 'app', appId: app.appId })}>
          {app.appName}
        </a>
        {app.defaultIngressHost ? (
          <span
            className="muted dns-app__ingress"
            title="The app's default ingress host: every custom domain should point here"
          >
            → <code className="selectable">{app.defaultIngressHost}</code>
          </span>
        ) : (
          <span className="muted">not deployed yet</span>
        )}
      </header>
      <div className="table-scroll">
        <table className="data-table dns-domains-table">
          <colgroup>
            <col style={{ width: '19%' }} />
            <col style={{ width: 132 }} />
            <col style={{ width: 132 }} />
            <col style={{ width: 128 }} />
            <col />
            <col style={{ width: 176 }} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Hostname</th>
              <th scope="col">Record</th>
              <th scope="col">Phase</th>
              <th scope="col">Certificate</th>
              <th scope="col">Details</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {app.domains.map((d) => (
              <Fragment key={d.hostname}>
                <DomainRow
                  domain={d}
                  {...actions}
                  probing={!!probes[d.hostname]?.loading}
                  recheck={rechecks[d.hostname]}
                />
                {probes[d.hostname] ? (
                  <tr className="dns-probe-row">
                    <td colSpan={6}>
                      <LiveProbeResult state={probes[d.hostname]!} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

interface DomainRowProps {
  domain: AppDomainCheck;
  onFix: (fix: DnsFix) => void;
  onProbe: (hostname: string) => void;
  onRecheck: (hostname: string) => void;
  probing: boolean;
  recheck?: Loadable<Recheck>;
  readOnly?: string;
}

/** App Platform has yet to settle the domain and the DNS needs no fix: reading its phase again is worth a button. */
const UNSETTLED = new Set<AppDomainPhase>(['ERROR', 'PENDING', 'CONFIGURING']);

function DomainRow({ domain: d, onFix, onProbe, onRecheck, probing, recheck, readOnly }: DomainRowProps) {
  const waiting = awaitingRevalidation(d);
  return (
    <tr
      id={domainAnchor(d.hostname)}
      className={`dns-domain dns-domain--${d.severity}`}
      data-testid="dns-domain-row"
      data-hostname={d.hostname}
      data-status={d.status}
    >
      <td>
        <span className="dns-domain__host selectable" title={d.hostname}>
          {d.hostname}
        </span>
        <span className="dns-domain__meta muted">
          {d.type.toLowerCase()}
          {d.zone ? ` · zone ${d.zone}` : ''}
        </span>
      </td>
      <td>
        <span data-testid="dns-status">
          <Badge tone={STATUS_TONE[d.status]} title={STATUS_TITLE[d.status]}>
            {STATUS_LABEL[d.status]}
          </Badge>
        </span>
      </td>
      <td data-testid="dns-phase">
        <Badge tone={waiting ? 'warning' : PHASE_TONE[d.phase]} title="The domain's phase as App Platform reports it">
          {d.phase}
        </Badge>
        {waiting ? (
          <span className="dns-domain__meta dns-domain__waiting" data-testid="dns-waiting">
            fixed, waiting for App Platform to re-validate
          </span>
        ) : null}
      </td>
      <td>
        {d.certificateDaysLeft !== undefined ? (
          <Badge
            tone={certTone(d.certificateDaysLeft)}
            title={`App Platform's certificate expires ${d.certificateExpiresAt ?? ''}`}
          >
            {daysText(d.certificateDaysLeft)}
          </Badge>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="dns-domain__details">
        {d.problem ? <p className={d.severity === 'problem' ? 'dns-problem' : 'dns-warning'}>{d.problem}</p> : null}
        {d.note ? <p className="muted dns-note">{d.note}</p> : null}
        {recheck ? <RecheckLine state={recheck} /> : null}
        {d.record ? (
          <p className="dns-current">
            <span className="muted">now </span>
            <code className="selectable">{recordText(d.record)}</code>
          </p>
        ) : null}
        {d.validations.map((v) => (
          <p key={v.txtName} className="dns-validation" data-testid="dns-validation" data-state={v.state}>
            <Badge tone={v.state === 'present' ? 'success' : v.state === 'missing' ? 'danger' : 'muted'}>
              TXT {v.state}
            </Badge>
            <code className="selectable" title={v.txtValue}>
              {v.txtName}
            </code>
            {v.fix ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => onFix(v.fix!)}
                disabled={!!readOnly}
                title={readOnly}
              >
                Fix TXT
              </button>
            ) : null}
          </p>
        ))}
      </td>
      <td className="row-actions dns-domain__actions">
        {d.fix ? (
          <button
            type="button"
            className="button button--small button--primary"
            onClick={() => onFix(d.fix!)}
            disabled={!!readOnly}
            title={readOnly ?? d.fix.summary}
            data-testid="dns-fix-button"
          >
            Fix
          </button>
        ) : null}
        {UNSETTLED.has(d.phase) && !d.fix ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => onRecheck(d.hostname)}
            disabled={!!recheck?.loading}
            title="Read App Platform’s phase for this domain and the DNS again"
            data-testid="dns-recheck-button"
          >
            {recheck?.loading ? 'Re-checking…' : 'Re-check'}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--small"
          onClick={() => onProbe(d.hostname)}
          disabled={probing}
          data-testid="dns-probe-button"
        >
          {probing ? 'Checking…' : 'Check live'}
        </button>
      </td>
    </tr>
  );
}

/** What the last re-check found, so pressing it is never met with an unchanged screen and no word. */
function RecheckLine({ state }: { state: Loadable<Recheck> }) {
  if (state.error && !state.loading) {
    return (
      <p className="dns-warning" data-testid="dns-recheck-result">
        The re-check failed: {state.error.message}
      </p>
    );
  }
  if (!state.value) return null;
  const { phase, checkedAt } = state.value;
  return (
    <p className="muted dns-note" data-testid="dns-recheck-result">
      Re-checked at {formatClockTime(checkedAt)}:{' '}
      {phase === 'ERROR' || phase === 'PENDING' || phase === 'CONFIGURING'
        ? `App Platform still reports ${phase}.`
        : `App Platform now reports ${phase ?? 'no phase'}.`}
    </p>
  );
}
