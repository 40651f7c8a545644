// One live check's result: what the resolver answered, what HTTPS answered, and the findings in
// words, worst first.
import type { LiveProbe } from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { InlineWarning } from '../../components/ErrorState';
import type { Loadable } from '../../stores/dnsStore';
import { certificateCovers, certTone, daysText, SEVERITY_TONE } from './dnsFormat';

const SEVERITY_WORD = { ok: 'ok', info: 'note', warning: 'warning', problem: 'problem' } as const;

export function LiveProbeResult({ state }: { state: Loadable<LiveProbe> }) {
  if (!state.value && state.loading) {
    return (
      <div className="dns-probe dns-probe--loading" data-testid="dns-probe-result" role="status">
        <span className="spinner" aria-hidden="true" /> Resolving and connecting…
      </div>
    );
  }
  if (!state.value) {
    return state.error ? <InlineWarning error={state.error}>The live check failed.</InlineWarning> : null;
  }
  const probe = state.value;
  const https = probe.https;
  const covers = certificateCovers(https?.certificateNames, probe.probedName);
  return (
    <div className="dns-probe" data-testid="dns-probe-result" data-hostname={probe.hostname} aria-busy={state.loading}>
      <dl className="dns-probe__facts">
        <div>
          <dt>Resolver</dt>
          <dd>
            <code className="selectable">{probe.resolver}</code>
          </dd>
        </div>
        <div>
          <dt>Resolves to</dt>
          <dd data-testid="dns-probe-chain">
            {probe.resolveError ? (
              <span className="dns-probe__bad">
                {probe.cnames.length > 0 ? `${probe.cnames.join(' → ')} → ✕` : 'nothing'}
              </span>
            ) : (
              <code className="selectable">{[...probe.cnames, probe.addresses.join(', ')].join(' → ')}</code>
            )}
          </dd>
        </div>
        <div>
          <dt>HTTPS</dt>
          <dd data-testid="dns-probe-status">
            {https?.status !== undefined ? (
              <Badge tone={https.status < 400 ? 'success' : 'danger'}>{https.status}</Badge>
            ) : (
              <span className="muted">{https ? 'no answer' : '—'}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>HSTS</dt>
          <dd data-testid="dns-probe-hsts">
            {https?.hsts ? <code className="selectable">{https.hsts}</code> : <span className="muted">none</span>}
          </dd>
        </div>
        <div>
          <dt>Certificate</dt>
          <dd data-testid="dns-probe-cert">
            {https?.certificateDaysLeft !== undefined && !covers ? (
              // Days left on a certificate for other names are no comfort: the name has none.
              <Badge tone="danger" title={`The certificate is for ${https.certificateNames?.join(', ')}`}>
                not for this name
              </Badge>
            ) : https?.certificateDaysLeft !== undefined ? (
              <Badge tone={certTone(https.certificateDaysLeft)} title={https.certificateNames?.join(', ')}>
                {daysText(https.certificateDaysLeft)}
              </Badge>
            ) : (
              <span className="muted">—</span>
            )}
          </dd>
        </div>
      </dl>
      <ul className="dns-probe__findings">
        {probe.findings.map((f, i) => (
          <li key={i} className={`dns-finding dns-finding--${f.severity}`}>
            <Badge tone={SEVERITY_TONE[f.severity]}>{SEVERITY_WORD[f.severity]}</Badge>
            <span>{f.text}</span>
          </li>
        ))}
      </ul>
      {probe.probedName !== probe.hostname ? (
        <p className="muted dns-probe__aside">A wildcard has no name of its own: checked as {probe.probedName}.</p>
      ) : null}
    </div>
  );
}
