import type { MonthlyCost } from '../../src-preload/contract';
import { formatCost, formatUsd, isCostRange } from '../format';

/** A monthly cost in tabular figures; ranges (autoscaling) read "$58.00–$174.00". */
export function Money({ cost, amount, suffix }: { cost?: MonthlyCost; amount?: number; suffix?: string }) {
  const text = cost ? formatCost(cost) : formatUsd(amount ?? 0);
  const range = cost ? isCostRange(cost) : false;
  return (
    <span
      className={range ? 'money money--range' : 'money'}
      title={range ? 'Autoscaling: minimum–maximum instances' : undefined}
    >
      {text}
      {suffix ? <span className="money__suffix">{suffix}</span> : null}
    </span>
  );
}
