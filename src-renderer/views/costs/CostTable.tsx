// Every app's monthly cost split by component type (its databases included), the API's own price
// beside it, and a box to pick apps for comparison. A * marks a total with an estimate in it.
// Tenants without an app of their own (Presence360's churches, a database each in the shared
// cluster) follow as rows of their share, marked as such.
import type { FleetCosts } from '../../../src-preload/contract';
import { Money } from '../../components/Money';
import { formatUsd } from '../../format';
import { hrefFor } from '../../stores/navigationStore';
import { CATEGORIES, CATEGORY_LABEL, shareNoteOf } from './costModel';

interface CostTableProps {
  costs: FleetCosts;
  compareIds: readonly string[];
  onToggleCompare: (appId: string) => void;
}

export function CostTable({ costs, compareIds, onToggleCompare }: CostTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table cost-table" data-testid="cost-table">
        <colgroup>
          {/* Five types of cost and two totals share what the names leave: ranges must fit whole. */}
          <col style={{ width: 44 }} />
          <col style={{ width: '17%' }} />
          <col style={{ width: '10%' }} />
          {CATEGORIES.map((c) => (
            <col key={c} />
          ))}
          <col style={{ width: '12%' }} />
          <col style={{ width: '10%' }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Compare</span>
            </th>
            <th scope="col">App</th>
            <th scope="col">Group</th>
            {CATEGORIES.map((c) => (
              <th scope="col" className="align-end" key={c}>
                {CATEGORY_LABEL[c]}
              </th>
            ))}
            <th scope="col" className="align-end">
              Per month
            </th>
            <th
              scope="col"
              className="align-end"
              title="POST /v2/apps/propose: DigitalOcean's own price of the app's spec"
            >
              DigitalOcean says
            </th>
          </tr>
        </thead>
        <tbody>
          {costs.apps.map((app) => {
            const picked = compareIds.includes(app.appId);
            return (
              <tr key={app.appId} className={picked ? 'is-picked' : undefined} data-testid="cost-row">
                <td>
                  <input
                    type="checkbox"
                    checked={picked}
                    onChange={() => onToggleCompare(app.appId)}
                    aria-label={`Compare ${app.name}`}
                  />
                </td>
                <td className="cost-table__name">
                  <a href={hrefFor({ name: 'app', appId: app.appId })}>{app.name}</a>
                </td>
                <td className="muted">{app.group}</td>
                {CATEGORIES.map((c) => (
                  <td className="align-end" key={c}>
                    {app.byCategory[c].max > 0 ? (
                      <Money cost={app.byCategory[c]} />
                    ) : (
                      <span className="cost-zero">—</span>
                    )}
                  </td>
                ))}
                <td
                  className="align-end cost-table__total"
                  title={
                    app.estimated
                      ? 'Includes a managed database’s share at its published price (an estimate)'
                      : undefined
                  }
                >
                  <Money cost={app.monthlyCost} suffix={app.estimated ? ' *' : undefined} />
                </td>
                <td className="align-end">
                  {app.proposedCost === undefined ? (
                    <span className="muted" title="The propose call failed; the cross-check is skipped.">
                      not checked
                    </span>
                  ) : app.mismatch ? (
                    <span className="cost-mismatch" role="note" title={app.mismatch} data-testid="cost-mismatch">
                      ⚠ {formatUsd(app.proposedCost)}
                    </span>
                  ) : (
                    <span
                      className="cost-match"
                      title={
                        app.components.some((c) => c.cluster)
                          ? 'Matches the size list; the managed database share is billed apart from App Platform'
                          : 'Matches the size list'
                      }
                    >
                      ✓ {formatUsd(app.proposedCost)}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
          {(costs.infrastructure ?? [])
            .filter((row) => row.tenant)
            .map((row) => (
              <tr key={row.label} className="cost-table__share" data-testid="cost-share-row" data-tenant={row.tenant}>
                <td />
                <td className="cost-table__name" title={shareNoteOf(row)}>
                  {row.tenant}{' '}
                  <span className="muted">share of {[...new Set(row.lines.map((l) => l.cluster))].join(' and ')}</span>
                </td>
                <td className="muted">{row.group}</td>
                {CATEGORIES.map((c) => {
                  const amount = round(
                    row.lines.filter((l) => l.category === c).reduce((t, l) => t + l.monthlyCost, 0),
                  );
                  return (
                    <td className="align-end" key={c}>
                      {amount > 0 ? (
                        <Money cost={{ min: amount, max: amount }} />
                      ) : (
                        <span className="cost-zero">—</span>
                      )}
                    </td>
                  );
                })}
                <td className="align-end cost-table__total" title={shareNoteOf(row)}>
                  <Money cost={{ min: row.monthlyCost, max: row.monthlyCost }} suffix=" *" />
                </td>
                <td className="align-end">
                  <span className="muted" title="A share of a managed cluster: billed apart from App Platform">
                    share, estimate
                  </span>
                </td>
              </tr>
            ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <th scope="row">Fleet total</th>
            <td className="muted">{costs.groups.length} groups</td>
            {CATEGORIES.map((c) => (
              <td className="align-end" key={c}>
                <Money cost={sumCategory(costs, c)} />
              </td>
            ))}
            <td className="align-end cost-table__total" data-testid="fleet-total">
              <Money cost={costs.monthlyCost} suffix={costs.estimated ? ' *' : undefined} />
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function sumCategory(costs: FleetCosts, category: (typeof CATEGORIES)[number]) {
  return costs.groups.reduce(
    (sum, g) => ({
      min: round(sum.min + g.byCategory[category].min),
      max: round(sum.max + g.byCategory[category].max),
    }),
    { min: 0, max: 0 },
  );
}

const round = (n: number) => Math.round(n * 100) / 100;
