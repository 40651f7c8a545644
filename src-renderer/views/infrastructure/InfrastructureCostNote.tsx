// The Costs page's line about infrastructure: each product environment's droplets, volumes,
// balancers and clusters with what they add to the totals, a link to the Infrastructure view, and what could not
// be read (then it is missing from the totals, said in words).
import type { FleetCosts } from '../../../src-preload/contract';
import { InlineWarning } from '../../components/ErrorState';
import { formatUsd } from '../../format';
import { hrefFor } from '../../stores/navigationStore';

export function InfrastructureCostNote({ costs }: { costs: FleetCosts }) {
  const rows = costs.infrastructure ?? [];
  return (
    <>
      {costs.infrastructureProblem ? (
        <InlineWarning>
          <span data-testid="infrastructure-cost-problem">{costs.infrastructureProblem}</span>
        </InlineWarning>
      ) : null}
      {rows.length > 0 ? (
        <p className="cost-databases muted" data-testid="cost-infrastructure">
          Droplets, volumes, load balancers and clusters:{' '}
          {rows.map((row, i) => {
            const shares = row.lines.filter((l) => l.tenant).length;
            return (
              <span key={row.label}>
                {i > 0 ? '; ' : null}
                <strong className="cost-databases__name">{row.label}</strong> {formatUsd(row.monthlyCost)}/mo
                {shares > 0 ? ` (${shares} tenant database share${shares === 1 ? '' : 's'})` : ''}
              </span>
            );
          })}
          {' · '}
          <a href={hrefFor({ name: 'infrastructure' })}>Infrastructure</a>
        </p>
      ) : null}
    </>
  );
}
