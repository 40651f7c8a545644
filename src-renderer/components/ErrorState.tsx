import type { ReactNode } from 'react';
import type { FleetError } from '../../src-preload/contract';
import './states.css';

interface ErrorStateProps {
  title: string;
  error: FleetError;
  onRetry?: () => void;
  retrying?: boolean;
}

export function ErrorState({ title, error, onRetry, retrying }: ErrorStateProps) {
  return (
    <div className="state state--error" role="alert" data-testid="error-state">
      <div className="state__icon" aria-hidden="true">
        !
      </div>
      <h2 className="state__title">{title}</h2>
      <p className="state__message">{error.message}</p>
      <p className="state__meta">
        <span className="code-chip">{error.code}</span>
        {error.requestId ? (
          <span>
            Request ID <code className="selectable">{error.requestId}</code>
          </span>
        ) : null}
        {error.retryAfterSeconds ? <span>Retry after {error.retryAfterSeconds}s</span> : null}
      </p>
      {onRetry ? (
        <button type="button" className="button button--primary" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      ) : null}
    </div>
  );
}

/** A one-line warning that keeps the rest of the view usable. */
export function InlineWarning({ children, error }: { children: ReactNode; error?: FleetError }) {
  return (
    <div className="inline-warning" role="status">
      <span className="inline-warning__icon" aria-hidden="true">
        !
      </span>
      <span>
        {children}
        {error ? <span className="inline-warning__detail"> {error.message}</span> : null}
        {error?.requestId ? (
          <span className="inline-warning__detail">
            {' '}
            (request <code className="selectable">{error.requestId}</code>)
          </span>
        ) : null}
      </span>
    </div>
  );
}
