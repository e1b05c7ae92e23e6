/**
 * Running something once the next frame has been painted: requestAnimationFrame (the frame is
 * about to be drawn), then a task (it has been drawn). Without frames (Node, in tests), in a task.
 */

/** Runs `task` after the next frame has been painted; the returned function cancels it if it has not run yet. */
export function afterPaint(task: () => void): () => void {
  let cancelled = false;
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    timer = setTimeout(() => {
      if (!cancelled) task();
    }, 0);
  };
  if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(later);
  else later();
  return () => {
    cancelled = true;
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
