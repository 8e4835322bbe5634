/**
 * Progress lines at most ten times a second, and always the last one: a line per
 * piece read would flood a terminal and slow the work it reports.
 */
export function throttled<T>(
  show: (progress: T) => void,
  isLast: (progress: T) => boolean,
): (progress: T) => void {
  let shownAt = 0;
  return (progress) => {
    const now = Date.now();
    if (now - shownAt < 100 && !isLast(progress)) return;
    shownAt = now;
    show(progress);
  };
}

export const megabytes = (bytes: number): string => (bytes / 1e6).toFixed(1);
