// Integration ranges on a purple curve are [start, end) point indices, moved in steps of 5 like the desktop's
// sliders, never narrower than one step, and kept inside the curve.
export const STEP = 5;

export function snapToStep(value, step = STEP) {
  return Math.round(value / step) * step;
}

/**
 * Snaps a dragged [a, b) range for a curve of `length` points: both ends to multiples of `step`, ordered, clamped
 * to [0, maxEnd] where maxEnd is `length` rounded up to a step (the desktop's default range 0–200 on 199 points),
 * and at least one step wide.
 */
export function snapRange([a, b], length, step = STEP) {
  const maxEnd = Math.ceil(length / step) * step;
  let start = Math.min(Math.max(snapToStep(Math.min(a, b), step), 0), maxEnd - step);
  let end = Math.min(Math.max(snapToStep(Math.max(a, b), step), 0), maxEnd);
  if (end - start < step) {
    if (start + step <= maxEnd) end = start + step;
    else start = end - step;
  }
  return [start, end];
}

/** The index of the point in `xs` (sorted ascending) nearest to `x`. */
export function nearestIndex(xs, x) {
  if (!xs.length) return -1;
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[hi] - x) < Math.abs(xs[lo] - x) ? hi : lo;
}
