/**
 * The review queue, kept fresh enough for a reviewer's day: fetched when shown, again when the
 * window regains focus or the tab becomes visible, and every 30 seconds meanwhile.
 */
import { useCallback, useEffect, useState } from 'react';
import { fetchReviewQueue, type QueuedClaim } from '../api/review-queue.js';

const REFRESH_MS = 30_000;

export interface ReviewQueueState {
  claims: QueuedClaim[] | null;
  error: string | null;
  refresh(): void;
}

/** The queue for someone who may see it; `enabled: false` fetches nothing (viewers, annotators). */
export function useReviewQueue(enabled = true): ReviewQueueState {
  const [claims, setClaims] = useState<QueuedClaim[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    fetchReviewQueue().then(
      (list) => {
        if (!current) return;
        setClaims(list);
        setError(null);
      },
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [enabled, tick]);

  useEffect(() => {
    if (!enabled) return;
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', onVisible);
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(timer);
    };
  }, [enabled, refresh]);

  return { claims, error, refresh };
}
