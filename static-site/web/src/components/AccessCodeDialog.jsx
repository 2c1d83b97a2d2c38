import { useState } from 'react';

/** Asks for the lab's access code when the API wants one (kept for this tab only). */
export function AccessCodeDialog({ prompt, onAnswer }) {
  const [code, setCode] = useState('');
  if (!prompt) return null;
  const submit = (e) => {
    e.preventDefault();
    onAnswer(code);
    setCode('');
  };
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="code-title"
        onSubmit={submit}
        data-testid="access-code-dialog"
      >
        <h2 id="code-title" className="card-title">
          Access code
        </h2>
        <p className="small">{prompt.message}</p>
        <label className="field">
          <span>Access code</span>
          <input
            type="password"
            autoComplete="off"
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
            data-testid="access-code"
          />
        </label>
        <p className="muted small">Kept in this tab only; closing the tab forgets it.</p>
        <div className="btn-row">
          <button type="submit" className="btn primary" disabled={!code.trim()} data-testid="access-code-submit">
            Continue
          </button>
          <button type="button" className="btn" onClick={() => onAnswer(null)}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
