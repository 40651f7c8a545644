import './states.css';

/** A spinner and words, plus optional skeleton rows so the page does not jump when data lands. */
export function LoadingState({ label, rows = 0, columns = 6 }: { label: string; rows?: number; columns?: number }) {
  return (
    <div className="loading" data-testid="loading-state" role="status" aria-live="polite">
      <div className="loading__label">
        <span className="spinner" aria-hidden="true" />
        {label}
      </div>
      {rows > 0 ? (
        <div className="skeleton" aria-hidden="true">
          {Array.from({ length: rows }, (_, r) => (
            <div className="skeleton__row" key={r}>
              {Array.from({ length: columns }, (_, c) => (
                <span
                  className="skeleton__cell"
                  key={c}
                  style={{ width: `${[22, 8, 16, 18, 10, 14, 9, 12][c % 8]}%` }}
                />
              ))}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
