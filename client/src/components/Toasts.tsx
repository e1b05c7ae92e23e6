/**
 * The live regions for messages: errors are announced at once (aria-live="assertive"), other
 * messages when the reader is idle ("polite"). Plain live regions rather than role="alert", so
 * the always-present empty regions are not mistaken for an error on the page. Messages fade
 * after a while and can be dismissed.
 */
import { useEffect } from 'react';
import { useUi, type Toast } from '../store/ui-store.js';

const LIFETIME_MS = { info: 6000, error: 15000 } as const;

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useUi((s) => s.dismissToast);
  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.id), LIFETIME_MS[toast.tone]);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  return (
    <div className={`toast toast--${toast.tone}`}>
      <span>{toast.text}</span>
      <button type="button" className="button-quiet" aria-label="Dismiss message" onClick={() => dismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}

export function Toasts() {
  const toasts = useUi((s) => s.toasts);
  return (
    <section className="toasts" aria-label="Messages">
      <div aria-live="assertive" className="toast-region">
        {toasts.filter((t) => t.tone === 'error').map((t) => (
          <ToastItem key={t.id} toast={t} />
        ))}
      </div>
      <div aria-live="polite" className="toast-region">
        {toasts.filter((t) => t.tone === 'info').map((t) => (
          <ToastItem key={t.id} toast={t} />
        ))}
      </div>
    </section>
  );
}
