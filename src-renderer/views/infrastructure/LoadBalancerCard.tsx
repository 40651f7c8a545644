// A load balancer: where it listens and forwards, its health check, and each target droplet with
// its health-check state (from DigitalOcean's Monitoring metric; "unknown" where it says nothing).
import type { LoadBalancerView, TargetHealth } from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { InlineWarning } from '../../components/ErrorState';
import { formatUsd, type Tone } from '../../format';

const HEALTH_TONE: Record<TargetHealth, Tone> = { healthy: 'success', unhealthy: 'danger', unknown: 'muted' };
const HEALTH_WORDS: Record<TargetHealth, string> = {
  healthy: 'passing',
  unhealthy: 'failing — out of rotation',
  unknown: 'unknown',
};

export function LoadBalancerCard({ lb }: { lb: LoadBalancerView }) {
  return (
    <article className="infra-card" data-testid="load-balancer" aria-label={`Load balancer ${lb.name}`}>
      <header className="infra-card__header">
        <h3>
          {lb.name} <span className="muted small">load balancer</span>
        </h3>
        <span className="muted small">
          {lb.region} · {lb.ip} · {lb.nodes} node{lb.nodes === 1 ? '' : 's'} · {lb.status}
        </span>
        <span className="infra-price" title={lb.priceNote} data-testid="lb-price">
          {lb.monthlyPrice === undefined ? 'not priced' : `${formatUsd(lb.monthlyPrice)}/mo *`}
        </span>
      </header>
      <div className="infra-card__body">
        <div>
          <h4>Forwarding rules</h4>
          <ul className="infra-list">
            {lb.rules.map((r) => (
              <li key={`${r.entry}>${r.target}`}>
                {r.entry} → {r.target}
                {r.tls === 'certificate' ? <span className="muted"> (TLS ends here)</span> : null}
                {r.tls === 'passthrough' ? <span className="muted"> (TLS passthrough)</span> : null}
              </li>
            ))}
          </ul>
          {lb.healthCheck ? <p className="muted small">Health check: {lb.healthCheck}</p> : null}
        </div>
        <div>
          <h4>Targets</h4>
          {lb.healthProblem ? <InlineWarning>{lb.healthProblem}</InlineWarning> : null}
          <ul className="infra-list" data-testid="lb-targets">
            {lb.targets.map((t) => (
              <li key={t.dropletId} data-testid="lb-target" data-health={t.health}>
                {t.name ?? `droplet ${t.dropletId}`}{' '}
                <Badge tone={HEALTH_TONE[t.health]}>{HEALTH_WORDS[t.health]}</Badge>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </article>
  );
}
