import type { AppDomainSummary } from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { RelativeTime } from '../../components/RelativeTime';
import type { Tone } from '../../format';
import { hrefFor } from '../../stores/navigationStore';

const DOMAIN_TONE: Record<string, Tone> = {
  ACTIVE: 'success',
  PENDING: 'progress',
  CONFIGURING: 'progress',
  ERROR: 'danger',
};

export function DomainsList({ domains }: { domains: AppDomainSummary[] }) {
  if (domains.length === 0)
    return <p className="muted section-empty">No custom domains; the app answers on its default ingress.</p>;
  return (
    <ul className="domains" data-testid="domains-list">
      {domains.map((d) => (
        <li key={d.name} className="domain" data-testid="domain-row">
          <span className="domain__name">{d.name}</span>
          {d.type ? <span className="code-chip">{d.type.toLowerCase()}</span> : null}
          <span className="domain__spacer" />
          {d.certificateExpiresAt ? (
            <span className="domain__cert">
              cert expires <RelativeTime iso={d.certificateExpiresAt} />
            </span>
          ) : null}
          {d.phase ? <Badge tone={DOMAIN_TONE[d.phase] ?? 'muted'}>{d.phase}</Badge> : null}
        </li>
      ))}
      <li className="domain">
        <a
          href={hrefFor({ name: 'dns' })}
          data-testid="check-dns-link"
          title="Does this account's DNS point these domains at the app?"
        >
          Check DNS →
        </a>
      </li>
    </ul>
  );
}
