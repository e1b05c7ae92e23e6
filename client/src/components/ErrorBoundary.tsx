/** The last line of defence: a screen that failed shows what happened and a way back, not a blank page. */
import { Component, type ReactNode } from 'react';
import { dropServerCopy } from '../editor/server-copy.js';

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch() {
    // An article's static copy must not hide the failure (server-copy.ts).
    dropServerCopy(document);
  }

  override render() {
    if (!this.state.error) return this.props.children;
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
