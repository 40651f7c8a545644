// Two or more apps side by side, component by component, with what the last costs more or less
// than the first. The Difference column names both apps: a bare "+$45.00" did not say of what
// over what.
import type { AppCost } from '../../../src-preload/contract';
import { EmptyState } from '../../components/EmptyState';
import { Money } from '../../components/Money';
import { formatUsd } from '../../format';
import { compareByRole } from './costModel';

export function ComparePanel({ apps, onClear }: { apps: AppCost[]; onClear: () => void }) {
  if (apps.length < 2) {
    return (
      <EmptyState title="Pick two or more apps to compare">
        Tick the boxes in the cost table; the apps line up here component by component.
      </EmptyState>
    );
  }
  const rows = compareByRole(apps);
  const first = apps[0]!;
  const last = apps[apps.length - 1]!;
  const totalDifference = Math.round((last.monthlyCost.min - first.monthlyCost.min) * 100) / 100;
  return (
    <div className="table-scroll" data-testid="compare-table">
      <table className="data-table compare-table">
        <thead>
          <tr>
            <th scope="col">Component</th>
            {apps.map((a) => (
              <th scope="col" key={a.appId}>
                {a.name}
              </th>
            ))}
            <th scope="col" className="align-end" data-testid="compare-difference-head">
              Difference
              <span className="compare-table__basis">
                {last.name} vs {first.name}
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.component}>
              <th scope="row" className="compare-table__component">
                {row.component}
              </th>
              {row.cells.map((cell, i) => (
                <td key={apps[i]?.appId ?? i}>
                  {cell ? (
                    <div className="compare-cell">
                      <Money cost={cell.monthlyCost} />
                      <span className="compare-cell__size">
                        {[cell.sizeSlug, cell.scale].filter(Boolean).join(' ') || cell.kind.replace('_', ' ')}
                      </span>
                    </div>
                  ) : (
                    <span className="muted">not present</span>
                  )}
                </td>
              ))}
              <td className="align-end">
                <Delta amount={row.difference} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {apps.map((a) => (
              <td key={a.appId}>
                <Money cost={a.monthlyCost} />
              </td>
            ))}
            <td className="align-end" data-testid="compare-difference">
              <Delta amount={totalDifference} />
            </td>
          </tr>
        </tfoot>
      </table>
      <div className="compare-footer">
        <p className="compare-footer__note muted" data-testid="compare-basis">
          Difference: what <strong>{last.name}</strong> costs a month more (+) or less (−) than{' '}
          <strong>{first.name}</strong>
          {apps.length > 2 ? ', the first app ticked,' : ''} at minimum scale.
        </p>
        <button type="button" className="button button--small" onClick={onClear}>
          Clear comparison
        </button>
      </div>
    </div>
  );
}

export function Delta({ amount }: { amount: number }) {
  if (Math.abs(amount) < 0.005) return <span className="delta delta--zero">±$0.00</span>;
  return (
    <span className={amount > 0 ? 'delta delta--up' : 'delta delta--down'}>
      {amount > 0 ? '+' : '−'}
      {formatUsd(Math.abs(amount))}
    </span>
  );
}
