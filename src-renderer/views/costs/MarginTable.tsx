// Per-tenant-group margin: the founder types what each group earns a month (kept on this machine
// only), and sees it against what the group costs.
import { useState } from 'react';
import type { GroupCost } from '../../../src-preload/contract';
import { Money } from '../../components/Money';
import { formatUsd } from '../../format';
import { marginOf, parseAmount } from './costModel';

interface MarginTableProps {
  groups: GroupCost[];
  revenue: Record<string, number>;
  onRevenue: (group: string, amount: number | undefined) => void;
}

export function MarginTable({ groups, revenue, onRevenue }: MarginTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table margin-table" data-testid="margin-table">
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className="align-end">
              Cost per month
            </th>
            <th scope="col" className="align-end">
              Revenue per month
            </th>
            <th scope="col" className="align-end">
              Margin
            </th>
            <th scope="col" className="align-end">
              Margin %
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const earned = revenue[g.group];
            const m = earned === undefined ? undefined : marginOf(earned, g.monthlyCost);
            return (
              <tr key={g.group} data-testid="margin-row" data-group={g.group}>
                <th scope="row">{g.group}</th>
                <td className="align-end">
                  <Money cost={g.monthlyCost} />
                </td>
                <td className="align-end">
                  <RevenueInput group={g.group} value={earned} onCommit={(amount) => onRevenue(g.group, amount)} />
                </td>
                <td className="align-end">
                  {m ? (
                    <span className={m.margin < 0 ? 'delta delta--up' : 'delta delta--down'}>
                      {formatUsd(m.margin)}
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="align-end">
                  {m?.percent !== undefined ? `${m.percent.toFixed(1)}%` : <span className="muted">—</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Commits on blur or Enter, so half-typed figures do not flash through the margin column. */
function RevenueInput({
  group,
  value,
  onCommit,
}: {
  group: string;
  value?: number;
  onCommit: (amount: number | undefined) => void;
}) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const shown = draft ?? (value === undefined ? '' : value.toFixed(2));
  const invalid = draft !== undefined && draft.trim() !== '' && parseAmount(draft) === undefined;
  const commit = () => {
    if (draft === undefined || invalid) return;
    onCommit(parseAmount(draft));
    setDraft(undefined);
  };
  return (
    <input
      className="input margin-input"
      inputMode="decimal"
      placeholder="$0.00"
      aria-label={`Monthly revenue of ${group}`}
      aria-invalid={invalid || undefined}
      value={shown}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(undefined);
      }}
    />
  );
}
