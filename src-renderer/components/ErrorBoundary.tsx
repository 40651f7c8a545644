import { Component, type ReactNode } from 'react';
import { ErrorState } from './ErrorState';
import './states.css';

interface ErrorBoundaryState {
  error?: Error;
}

/** A render error shows as an error state with a reload, never as a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = {};

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="view">
        <ErrorState
          title="Something went wrong in this view"
          error={{ code: 'internal', message: error.message }}
          onRetry={() => {
            this.setState({ error: undefined });
          }}
        />
      </main>
    );
  }
}
