/**
 * A value that follows its source one painted frame late. On an article with thousands of
 * claims, the work a claims change sets off (placing and numbering every claim, the sidebar's
 * cards, counts and filter choices) waits until the frame showing the change has been painted.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * `value`, or when `late` the value it had until the frame after it changed has been painted.
 * `late` may ask the value last shown (e.g. late only once a long list is on screen).
 */
export function useAfterPaint<T>(value: T, lateWhen: boolean | ((shown: T) => boolean)): T {
  const [settled, setSettled] = useState(value);
  const late = typeof lateWhen === 'function' ? lateWhen(settled) : lateWhen;
  const latest = useRef(value);
  const pending = useRef(false);
  useLayoutEffect(() => {
    latest.current = value;
  });
  useEffect(() => {
    if (settled === value) return;
    if (!late) {
      // Shown at once: remembered as the value shown.
      setSettled(value);
      return;
    }
    // One catch-up per frame however many changes arrive meanwhile (never starved by a burst).
    if (pending.current) return;
    pending.current = true;
    // The frame is drawn after requestAnimationFrame; one task later it is on screen, and one
    // more lets whatever was already waiting for that frame go first.
    requestAnimationFrame(() =>
      setTimeout(() =>
        setTimeout(() => {
          pending.current = false;
          setSettled(latest.current);
        }, 0),
      0),
    );
  }, [late, settled, value]);
  return late ? settled : value;
}
