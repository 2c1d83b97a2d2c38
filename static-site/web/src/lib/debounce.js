/** Calls `fn` once `waitMs` after the last call; `cancel()` drops a pending call. */
export function debounce(fn, waitMs) {
  let timer = null;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn(...args);
    }, waitMs);
  };
  debounced.cancel = () => {
    clearTimeout(timer);
    timer = null;
  };
  return debounced;
}

/**
 * Latest wins: wraps an async function so that only the answer to the most recent call is delivered to
 * `onResult` / `onError`; answers to calls overtaken while in flight are dropped (a slow request for an old drag
 * position must not overwrite the current one).
 */
export function latestOnly(fn, onResult, onError = () => {}) {
  let generation = 0;
  return async (...args) => {
    const mine = ++generation;
    try {
      const value = await fn(...args);
      if (mine === generation) onResult(value);
    } catch (e) {
      if (mine === generation) onError(e);
    }
  };
}
