// One section of a page that loads on its own: an error with Retry when there is nothing to show,
// a skeleton while loading, an empty state, or the content — with a note when a refresh failed
// and the last answer is shown. A failed section never hides the rest of the page.
import type { ReactNode } from 'react';
import type { FleetError } from '../../src-preload/contract';
import { EmptyState } from './EmptyState';
import { ErrorState, InlineWarning } from './ErrorState';
import { LoadingState } from './LoadingState';
import './states.css';

export interface LoadedSectionProps<T> {
  /** "fleet costs", "the DNS check": used in every message. */
  what: string;
  state: { value?: T; loading: boolean; error?: FleetError };
  retry: () => Promise<void>;
  /** Skeleton size while loading. */
  rows?: number;
  columns?: number;
  /** When given and true, the section shows "No <what> yet" instead of the content. */
  isEmpty?: (value: T) => boolean;
  children: (value: T) => ReactNode;
}

export function LoadedSection<T>({
  what,
  state,
  retry,
  rows = 4,
  columns = 4,
  isEmpty,
  children,
}: LoadedSectionProps<T>) {
  if (!state.value && state.error) {
    return (
      <ErrorState
        title={`Couldn’t load ${what}`}
        error={state.error}
        onRetry={() => void retry()}
        retrying={state.loading}
      />
    );
  }
  if (!state.value) return <LoadingState label={`Loading ${what}…`} rows={rows} columns={columns} />;
  if (isEmpty?.(state.value)) return <EmptyState title={`No ${what} yet`} />;
  return (
    <>
      {state.error ? (
        <InlineWarning error={state.error}>Couldn’t refresh {what}; showing the last answer.</InlineWarning>
      ) : null}
      {children(state.value)}
    </>
  );
}
