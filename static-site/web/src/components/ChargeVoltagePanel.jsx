import { JobProgress, Panel, Progress } from './Panel.jsx';
import { missingAssignments, needsAssignment, runsAsJob, setsOfFiles } from '../lib/chargeVoltage.js';

/**
 * Choosing a charge–voltage set: files by checkbox or a whole set the names tell, a set and a voltage for names
 * that tell none, the mode, and Run (a job when the files are more than one call of the API takes).
 */
export function ChargeVoltagePanel({ config, files, cv, disabled, onRun }) {
  const ready = files.filter((f) => !f.status || f.status === 'ready');
  const sets = setsOfFiles(ready);
  const { selected, setSelected, boxes, setBoxes, mode, setMode, job } = cv;
  const toggle = (id) => setSelected(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  const box = (id, key, value) => setBoxes({ ...boxes, [id]: { ...boxes[id], [key]: value } });
  const missing = missingAssignments(selected, ready, boxes);
  const limits = config.chargeVoltage;
  const asJob = runsAsJob(selected.length, limits);
  const tooMany = selected.length > limits.maxFilesPerJob;
  return (
    <Panel
      title="Charge–voltage"
      badge={selected.length ? String(selected.length) : null}
      open={false}
      testId="cv-panel"
    >
      <p className="muted small">
        Q–V and C–V of a set (one cell at several V2) with a Boltzmann fit. Each file runs at its own voltage.
      </p>
      {sets.length > 0 && (
        <div className="row-wrap" role="group" aria-label="Choose a whole set">
          {sets.map((s) => (
            <button
              key={s.set}
              type="button"
              className="btn small"
              data-testid={`cv-set-${s.set}`}
              onClick={() => setSelected(s.fileIds)}
            >
              Set {s.set} ({s.fileIds.length})
            </button>
          ))}
        </div>
      )}
      <ul className="checklist" data-testid="cv-files">
        {ready.map((f) => (
          <li key={f.fileId}>
            <label className="check">
              <input type="checkbox" checked={selected.includes(f.fileId)} onChange={() => toggle(f.fileId)} />
              {f.fileName}
            </label>
            {needsAssignment(f) && selected.includes(f.fileId) && (
              <span className="cv-assign">
                {f.setFromFileName == null && (
                  <input
                    type="text"
                    className="set-num"
                    placeholder="set"
                    aria-label={`Set of ${f.fileName}`}
                    value={boxes[f.fileId]?.set ?? ''}
                    onChange={(e) => box(f.fileId, 'set', e.target.value)}
                  />
                )}
                {f.setVoltageFromFileName == null && (
                  <input
                    type="number"
                    step="any"
                    className="set-num"
                    placeholder="V2 mV"
                    aria-label={`V2 of ${f.fileName} in mV`}
                    value={boxes[f.fileId]?.voltageMv ?? ''}
                    onChange={(e) => box(f.fileId, 'voltageMv', e.target.value)}
                  />
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
      <label className="check small">
        Mode{' '}
        <select value={mode} onChange={(e) => setMode(e.target.value)} aria-label="Mode of the set analysis">
          <option value="">the API&apos;s default for sets</option>
          {config.analysis.modes.map((m) => (
            <option key={m.mode} value={m.mode}>
              {m.mode}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">Filter and protocol timing come from the Filters and Analysis panels.</p>
      {missing.length > 0 && (
        <p className="error small" role="alert">
          Give a set and a V2 for {missing.join(', ')}.
        </p>
      )}
      {tooMany && (
        <p className="error small" role="alert">
          At most {limits.maxFilesPerJob} files in one set run.
        </p>
      )}
      <button
        type="button"
        className="btn primary wide"
        disabled={disabled || !selected.length || missing.length > 0 || tooMany || cv.running}
        onClick={onRun}
        data-testid="cv-run"
      >
        {asJob ? `Run set as a job (${selected.length} files)` : 'Run set'}
      </button>
      {job && (
        <JobProgress job={job} total={selected.length} running={cv.running} label="Set progress" testId="cv-job" />
      )}
      {cv.running && !job && <Progress value={null} label="Running the set" />}
    </Panel>
  );
}
