import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createSession, loadStoredSession, sessionApi, storeSession } from '../lib/api.js';
import { createSessionWithCode } from '../lib/access.js';
import { formatError } from '../lib/errors.js';

/**
 * The browser's session: reopened from localStorage, or created (asking for the lab's access code when the API
 * wants one); "Forget my data" deletes it and starts an empty one. `restored` is what the reopened session held.
 */
export function useSession() {
  const [session, setSession] = useState(null);
  const [busy, setBusy] = useState(true);
  const [banner, setBanner] = useState(null);
  const [restored, setRestored] = useState(null);
  const [codePrompt, setCodePrompt] = useState(null);
  const started = useRef(false);

  const askCode = useCallback((message) => new Promise((resolve) => setCodePrompt({ message, resolve })), []);
  const answerCode = useCallback(
    (code) => {
      codePrompt?.resolve(code);
      setCodePrompt(null);
    },
    [codePrompt],
  );

  const start = useCallback(async () => {
    setBusy(true);
    try {
      const stored = loadStoredSession();
      if (stored) {
        try {
          const info = await sessionApi(stored).get();
          setSession({ ...stored, expiresAt: info.expiresAt });
          setRestored({ files: info.files ?? [], analyses: info.analyses ?? [] });
          return;
        } catch (e) {
          if (e.status !== 403 && e.status !== 404) throw e;
          setBanner('Your previous session has expired; a new one was started.');
        }
      }
      const created = await createSessionWithCode(createSession, window.sessionStorage, askCode);
      storeSession(created);
      setSession({ sessionId: created.sessionId, token: created.token, expiresAt: created.expiresAt });
      setRestored({ files: [], analyses: [] });
    } catch (e) {
      setBanner(formatError(e, 'Could not start a session'));
    } finally {
      setBusy(false);
    }
  }, [askCode]);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start();
  }, [start]);

  const api = useMemo(() => (session ? sessionApi(session) : null), [session]);

  /** Deletes the session on the server; `beforeRestart` clears the page's state first. */
  const forget = useCallback(
    async (beforeRestart) => {
      if (!window.confirm('Delete every file and analysis of this session from the server?')) return;
      setBusy(true);
      try {
        await api.remove();
      } catch (e) {
        if (e.status !== 404) {
          setBanner(formatError(e, 'Could not delete the session'));
          setBusy(false);
          return;
        }
      }
      storeSession(null);
      beforeRestart();
      setSession(null);
      setRestored(null);
      setBanner('Your data was deleted. A new, empty session has started.');
      start();
    },
    [api, start],
  );

  return { session, api, busy, banner, setBanner, restored, forget, codePrompt, answerCode };
}
