import { useCallback, useEffect, useState } from 'react';
import { fetchConfig } from '../lib/api.js';
import { formatError } from '../lib/errors.js';

/** GET /api/config: every preset, default, rule and limit the page shows (the page holds no copies). */
export function useConfig() {
  const [config, setConfig] = useState(null);
  const [error, setError] = useState(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let alive = true;
    fetchConfig().then(
      (c) => alive && setConfig(c),
      (e) => alive && setError(formatError(e, 'Could not load the settings')),
    );
    return () => {
      alive = false;
    };
  }, [attempt]);
  const retry = useCallback(() => {
    setError(null);
    setAttempt((a) => a + 1);
  }, []);
  return { config, error, retry };
}
