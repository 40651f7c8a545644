// Every app's monthly cost split by component type (its databases included), the API's own price
// beside it, and a box to pick apps for comparison. A * marks a total with an estimate in it.
import type { FleetCosts } from '../../../src-preload/contract';
import { Money } from '../../components/Money';
import { formatUsd } from '../../format';
import { hrefFor } from '../../stores/navigationStore';
import { CATEGORIES, CATEGORY_LABEL } from './costModel';

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
