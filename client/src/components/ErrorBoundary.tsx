/**
 * The last line of defence: a screen that failed shows what happened and a way back, not a
 * blank page. With a `fallback`, a part of a screen (one claim's card) fails alone instead.
 */
import { Component, type ReactNode } from 'react';
import { dropServerCopy } from '../editor/server-copy.js';

export interface ErrorBoundaryProps {
  children: ReactNode;
  /** What shows in place of the children that failed; without it, the whole screen's error page. */
  fallback?: (error: Error) => ReactNode;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch() {
    // An article's static copy must not hide the failure (server-copy.ts).
    if (!this.props.fallback) dropServerCopy(document);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    if (this.props.fallback) return this.props.fallback(this.state.error);
    return (
      <main id="main" className="page">
        <h1>Something went wrong</h1>
        <p role="alert">{this.state.error.message}</p>
        <button type="button" onClick={() => location.reload()}>
          Reload the page
        </button>
      </main>
    );
  }
}
