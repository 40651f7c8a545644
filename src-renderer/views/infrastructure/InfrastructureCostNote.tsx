// The Costs page's line about infrastructure: each product environment's droplets, volumes,
// balancers and clusters with what they add to the totals, a link to the Infrastructure view, and what could not
// be read (then it is missing from the totals, said in words).
import type { FleetCosts } from '../../../src-preload/contract';
import { InlineWarning } from '../../components/ErrorState';
import { formatUsd } from '../../format';
import { hrefFor } from '../../stores/navigationStore';

export function InfrastructureCostNote({ costs }: { costs: FleetCosts }) {
  // Tenants' shares of shared clusters are rows of their own: told once per product, not one by one.
  const rows = (costs.infrastructure ?? []).filter((r) => !r.tenant);
  const shares = new Map<string, { tenants: number; monthly: number }>();
  for (const r of costs.infrastructure ?? []) {
    if (!r.tenant) continue;
    const found = shares.get(r.group) ?? { tenants: 0, monthly: 0 };
    shares.set(r.group, {
      tenants: found.tenants + 1,
      monthly: Math.round((found.monthly + r.monthlyCost) * 100) / 100,
    });
  }
  return (
    <>
      {costs.infrastructureProblem ? (
        <InlineWarning>
          <span data-testid="infrastructure-cost-problem">{costs.infrastructureProblem}</span>
        </InlineWarning>
      ) : null}
      {rows.length + shares.size > 0 ? (
        <p className="cost-databases muted" data-testid="cost-infrastructure">
          Droplets, volumes, load balancers and clusters:{' '}
          {rows.map((row, i) => (
            <span key={row.label}>
              {i > 0 ? '; ' : null}
              <strong className="cost-databases__name">{row.label}</strong> {formatUsd(row.monthlyCost)}/mo
            </span>
          ))}
          {[...shares].map(([group, share], i) => (
            <span key={group} data-testid="cost-tenant-shares">
              {rows.length + i > 0 ? '; ' : null}
              <strong className="cost-databases__name">{group}’s tenants’ databases</strong> {formatUsd(share.monthly)}
              /mo as {share.tenants} share{share.tenants === 1 ? '' : 's'} of their cluster
            </span>
          ))}
          {' · '}
          <a href={hrefFor({ name: 'infrastructure' })}>Infrastructure</a>
        </p>
      ) : null}
    </>
  );
}
