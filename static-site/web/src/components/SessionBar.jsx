import { fmtDateTime, fmtUntil } from '../lib/format.js';

export function SessionBar({ session, busy, onForget }) {
  return (
    <header className="topbar">
      <div className="brand">
        <svg viewBox="0 0 16 16" width="22" height="22" aria-hidden="true">
          <path d="M1 9h3l2-6 3 10 2-4h4" stroke="currentColor" strokeWidth="1.8" fill="none" />
        </svg>
        <h1>Signal Analyzer</h1>
      </div>
      <div className="session" data-testid="session">
        {session ? (
          <>
            <span className="session-expiry" title={fmtDateTime(session.expiresAt)} data-testid="session-expiry">
              Your data is kept until {fmtDateTime(session.expiresAt)} ({fmtUntil(session.expiresAt)})
            </span>
            <button type="button" className="btn ghost danger" onClick={onForget} disabled={busy} data-testid="forget">
              Forget my data
            </button>
          </>
        ) : (
          <span>{busy ? 'Starting a session…' : 'No session'}</span>
        )}
      </div>
    </header>
  );
}
