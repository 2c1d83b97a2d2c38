/**
 * Sends one change at a time, newest last: while a call is in flight, further calls wait and only the newest
 * waiting one is sent after it (a stored state must never be overwritten by an older one arriving late).
 * `idle()` resolves when nothing is in flight or waiting (an export waits for it, so it sees the last change).
 */
export function serialLatest(fn, onResult, onError = () => {}) {
  let running = null;
  let waiting = null;
  let waiters = [];
  const settle = () => {
    const w = waiters;
    waiters = [];
    w.forEach((resolve) => resolve());
  };
  const runNext = async () => {
    while (waiting) {
      const args = waiting;
      waiting = null;
      try {
        const value = await fn(...args);
        if (!waiting) onResult(value, ...args);
      } catch (e) {
        if (!waiting) onError(e, ...args);
      }
    }
    running = null;
    settle();
  };
  const send = (...args) => {
    waiting = args;
    if (!running) running = runNext();
    return running;
  };
  send.idle = () => (running ? new Promise((resolve) => waiters.push(resolve)) : Promise.resolve());
  send.busy = () => running !== null;
  return send;
}
