import { JobProgress, Panel } from './Panel.jsx';
import { jobActive } from '../lib/jobs.js';
import { fmt, fmtDateTime } from '../lib/format.js';
import { howItRan } from '../lib/history.js';

const pick = (s, ...keys) => keys.map((k) => s?.[k]).find((v) => v !== undefined && v !== null);

/** The session's analyses (kept with the session); pick one to open, tick several to export together. */
export function HistoryPanel({ analyses, currentId, selected, onSelected, onOpen, onRefresh }) {
  const toggle = (id) => onSelected(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  return (
    <Panel title="History" badge={analyses.length ? String(analyses.length) : null} open={false} testId="panel-history">
      {analyses.length === 0 ? (
        <p className="muted small">Analyses of this session appear here.</p>
      ) : (
        <div className="table-wrap">
          <table className="history" data-testid="history">
            <thead>
              <tr>
                <th scope="col">
                  <span className="sr-only">Select</span>
                </th>
                <th scope="col">When / file</th>
                <th scope="col">Q hyp (pC)</th>
                <th scope="col">Q dep (pC)</th>
                <th scope="col">C (nF)</th>
                <th scope="col">V2</th>
              </tr>
            </thead>
            <tbody>
              {analyses.map((a) => (
                <tr key={a.analysisId} className={a.analysisId === currentId ? 'current' : ''}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select analysis of ${a.fileName}`}
                      checked={selected.includes(a.analysisId)}
                      onChange={() => toggle(a.analysisId)}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => onOpen(a.analysisId)}
                      data-testid="history-open"
                    >
                      {a.fileName}
                    </button>
                    <div className="muted small">{fmtDateTime(a.createdAt)}</div>
                    <div className="muted small" data-testid="history-how">
                      {howItRan(a)}
                    </div>
                  </td>
                  <td>{fmt(pick(a, 'qHyperpolPc'))}</td>
                  <td>{fmt(pick(a, 'qDepolPc'))}</td>
                  <td>{fmt(pick(a, 'capacitanceNf'))}</td>
                  <td>{fmt(pick(a, 'v2Mv'))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" className="btn small" onClick={onRefresh}>
        Refresh
      </button>
    </Panel>
  );
}

/** Many files through one analysis setting into lab workbooks per set (a background job). */
export function BatchPanel({ config, files, batch, onStart, onDownload, disabled }) {
  const { selected, setSelected, sets, setSets, useLabSettings, setUseLabSettings, job } = batch;
  const toggle = (id) => setSelected(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  const running = jobActive(job);
  const lab = config.exports.labSets;
  return (
    <Panel title="Batch" open={false} testId="panel-batch">
      <fieldset className="startpoint">
        <legend>Settings</legend>
        <label className="check small">
          <input type="radio" name="batch-settings" checked={useLabSettings} onChange={() => setUseLabSettings(true)} />
          The desktop&apos;s Export Sets ({lab.mode}, {lab.chain.preset ?? 'custom'} filter, starting point{' '}
          {lab.startingPoint})
        </label>
        <label className="check small">
          <input
            type="radio"
            name="batch-settings"
            checked={!useLabSettings}
            onChange={() => setUseLabSettings(false)}
          />
          What the Filters and Analysis panels show
        </label>
      </fieldset>
      <div className="row-between">
        <span className="small">
          {selected.length} of {files.length} chosen
        </span>
        <button type="button" className="btn small" onClick={() => setSelected(files.map((f) => f.fileId))}>
          All
        </button>
      </div>
      <ul className="checklist">
        {files.map((f) => (
          <li key={f.fileId} className="row-between">
            <label className="check">
              <input type="checkbox" checked={selected.includes(f.fileId)} onChange={() => toggle(f.fileId)} />
              {f.fileName}
            </label>
            <input
              type="number"
              min="0"
              step="1"
              inputMode="numeric"
              className="set-num"
              placeholder="set"
              aria-label={`Set of ${f.fileName} (empty: from its name)`}
              value={sets[f.fileId] ?? ''}
              onChange={(e) => setSets({ ...sets, [f.fileId]: e.target.value })}
            />
          </li>
        ))}
      </ul>
      <p className="muted small">
        A set box left empty takes the set from the file name; a file whose name tells none needs one.
      </p>
      <button
        type="button"
        className="btn primary wide"
        disabled={disabled || !selected.length || running}
        onClick={onStart}
        data-testid="batch-start"
      >
        Run batch
      </button>
      {job && (
        <JobProgress job={job} total={selected.length} running={running} label="Batch progress" testId="batch-job">
          {job.message && <p className={job.status === 'failed' ? 'error' : 'muted small'}>{job.message}</p>}
          {job.export && (
            <button type="button" className="btn" onClick={() => onDownload(job.export)}>
              Download {job.export.fileName}
            </button>
          )}
        </JobProgress>
      )}
    </Panel>
  );
}
