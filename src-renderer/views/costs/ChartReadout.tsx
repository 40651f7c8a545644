// What the pointer is on in a cost chart, spelled out on a line under the chart. A floating
// tooltip covered the very bars it described (and their neighbours) and listed every series,
// $0.00 ones included; this line covers nothing and names only the parts that cost something.
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import type { TooltipIndex } from 'recharts';
import { formatUsd } from '../../format';

export interface ReadoutSeries {
  key: string;
  label: string;
  color: string;
}

export interface ReadoutPart {
  label: string;
  color: string;
  amount: number;
}

/** The parts of one bar worth naming: the series with an amount, in the chart's order. */
export function readoutParts(row: object | undefined, series: readonly ReadoutSeries[]): ReadoutPart[] {
  if (!row) return [];
  const values = row as Record<string, unknown>;
  return series.flatMap((s) => {
    const amount = values[s.key];
    return typeof amount === 'number' && Math.abs(amount) >= 0.005 ? [{ label: s.label, color: s.color, amount }] : [];
  });
}

/**
 * Given to the chart's Tooltip as its content: draws nothing over the chart, and passes on which
 * row the tooltip is on. The tooltip's own state follows the pointer and the keyboard, and
 * clears when the pointer leaves (the chart's mouse callbacks run a frame late, after the leave).
 */
function ActiveRow({
  active,
  activeIndex,
  onChange,
}: {
  active?: boolean;
  activeIndex?: TooltipIndex;
  onChange: (index: number | undefined) => void;
}) {
  const index = active && activeIndex != null ? Number(activeIndex) : undefined;
  useEffect(() => onChange(Number.isInteger(index) ? index : undefined), [index, onChange]);
  return null;
}

/** The row the pointer is on, and the Tooltip content that reports it. */
export function useHoveredRow(): { index: number | undefined; content: ReactElement } {
  const [index, setIndex] = useState<number | undefined>();
  // The same element every render: a new one would redraw the chart under the pointer.
  const content = useMemo(() => <ActiveRow onChange={setIndex} />, []);
  return { index, content };
}

interface ChartReadoutProps {
  /** The bar's name; undefined while the pointer is off the chart. */
  title?: string;
  parts: ReadoutPart[];
  /** Said after the parts: the bar's total, a projection. */
  total?: string;
  /** Said when a bar has no part with an amount. */
  empty?: string;
  /** Said while nothing is pointed at. */
  hint: string;
  /** After each amount, e.g. " (estimate)". */
  suffix?: string;
  /** Said after the total, e.g. with whom a Supabase project is shared. */
  note?: string;
  testId: string;
}

export function ChartReadout({
  title,
  parts,
  total,
  empty = 'nothing billed',
  hint,
  suffix = '',
  note,
  testId,
}: ChartReadoutProps) {
  return (
    <p className="chart-readout" aria-live="polite" data-testid={testId}>
      {title === undefined ? (
        <span className="muted">{hint}</span>
      ) : (
        <>
          <strong className="chart-readout__title">{title}</strong>
          {parts.length === 0 ? <span className="muted">{empty}</span> : null}
          {parts.map((part) => (
            <span key={part.label} className="chart-readout__part" data-testid="readout-part">
              <span className="chart-legend__swatch" style={{ background: part.color }} aria-hidden="true" />
              {part.label} <span className="tabular">{formatUsd(part.amount)}</span>
              {suffix}
            </span>
          ))}
          {total ? <span className="chart-readout__total">{total}</span> : null}
          {note ? (
            <span className="chart-readout__note muted" data-testid="readout-note">
              {note}
            </span>
          ) : null}
        </>
      )}
    </p>
  );
}
