// A legend in our order (recharts sorts its own alphabetically), in the page's text colours.
export interface LegendItem {
  label: string;
  color: string;
  /** Drawn dashed, for projected amounts. */
  dashed?: boolean;
}

export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.label} className="chart-legend__item">
          <span
            className={item.dashed ? 'chart-legend__swatch chart-legend__swatch--dashed' : 'chart-legend__swatch'}
            style={{ background: item.color }}
            aria-hidden="true"
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
