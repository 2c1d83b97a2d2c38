/**
 * Plotly fires plotly_click twice for one tap on a touch screen (once for the touch, once for the emulated
 * mouse click). A second click on the same point within `windowMs` is the same tap and is dropped, so a
 * two-point fit needs two distinct taps.
 */
export function singleFire(handler, windowMs = 400, now = () => Date.now()) {
  let last = null;
  return (key, ...rest) => {
    const t = now();
    if (last && last.key === key && t - last.t < windowMs) return false;
    last = { key, t };
    handler(key, ...rest);
    return true;
  };
}
