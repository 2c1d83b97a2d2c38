/** A collapsible sidebar panel (native details/summary: keyboard and screen-reader friendly). */
export function Panel({ title, badge, open = true, children, testId }) {
  return (
    <details className="panel" open={open} data-testid={testId}>
      <summary>
        <span className="panel-title">{title}</span>
        {badge ? <span className="badge">{badge}</span> : null}
      </summary>
      <div className="panel-body">{children}</div>
    </details>
  );
}

export function Field({ id, label, error, hint, children }) {
  return (
    <div className={'field' + (error ? ' has-error' : '')}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error ? (
        <small className="hint" id={id + '-hint'}>
          {hint}
        </small>
      ) : null}
      {error ? (
        <small className="error" id={id + '-error'} role="alert">
          {error}
        </small>
      ) : null}
    </div>
  );
}

export function Progress({ value, label, testId }) {
  const indeterminate = value === null || value === undefined;
  return (
    <div
      className={'progress' + (indeterminate ? ' indeterminate' : '')}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={indeterminate ? undefined : Math.round(value * 100)}
      data-testid={testId}
    >
      <div className="progress-bar" style={indeterminate ? undefined : { width: `${Math.round(value * 100)}%` }} />
    </div>
  );
}

/** A job's state line (status, files done of all) and, while it runs, its progress bar; `children` below them. */
export function JobProgress({ job, total, running, label, testId, children }) {
  return (
    <div className="job" aria-live="polite" data-testid={testId}>
      <div className="row-between small">
        <span>{job.status}</span>
        <span>
          {job.done ?? 0} / {job.total ?? total}
        </span>
      </div>
      {running && <Progress value={job.total ? job.done / job.total : null} label={label} />}
      {children}
    </div>
  );
}
