import { forwardRef, useState } from 'react';
import { Progress } from './Panel.jsx';
import { fmt } from '../lib/format.js';

const LAYOUT_LABELS = {
  'lab-sets': 'Lab sets (xlsx)',
  full: 'Full workbook (xlsx)',
  csv: 'CSV (lab)',
  'tidy-csv': 'Tidy CSV (zip)',
  json: 'JSON',
};

function Metric({ label, unit, value, testId, busy }) {
  return (
    <div className={'metric' + (busy ? ' busy' : '')}>
      <div className="metric-label">{label}</div>
      <div className="metric-value">
        <span data-testid={testId} data-value={value ?? ''}>
          {fmt(value, 5)}
        </span>
        <span className="unit">{unit}</span>
      </div>
    </div>
  );
}

/** How the starting point was chosen, in words. */
function startingPointText(result) {
  if (result.startingPoint === null || result.startingPoint === undefined) {
    return `Standard mode: step onsets from the ${result.provenance?.onsetSource ?? 'protocol'}.`;
  }
  const how =
    result.startingPointSource === 'given'
      ? 'given in the Analysis panel'
      : 'chosen automatically (the desktop’s grid search)';
  return `Starting point ${result.startingPoint}, ${how}.`;
}

function rangesText(ranges) {
  if (!ranges?.hyperpol) return '';
  const ms = ranges.unit === 'ms';
  const r = (x) => (ms ? `${fmt(x[0])}–${fmt(x[1])} ms` : `[${x[0]}, ${x[1]}) points`);
  return `Ranges: hyperpol ${r(ranges.hyperpol)}, depol ${r(ranges.depol)}${ms ? ' from each step onset' : ''}.`;
}

/**
 * The numbers of the analysis of one recording (named in the header), as stored with its adjustments, and the
 * exports, which carry exactly these numbers. Nothing of another recording or an earlier run is shown.
 */
export const Results = forwardRef(function Results(
  { fileName, analysis, running, error, saving, adjustError, layouts, onExport, exporting, exportError, exportCount },
  ref,
) {
  const [set, setSet] = useState('');
  const r = analysis?.result;
  const adjusted = analysis?.summary?.adjusted;
  return (
    <section
      ref={ref}
      className="card results"
      aria-label={`Results of ${fileName}`}
      aria-live="polite"
      data-testid="results"
      data-analysis-id={analysis?.analysisId ?? ''}
      data-file-name={fileName}
    >
      <div className="card-head">
        <h2 className="card-title">
          Results · <span data-testid="results-file">{fileName}</span>
        </h2>
        {saving && (
          <span className="muted small" data-testid="saving">
            saving…
          </span>
        )}
      </div>
      {running && <Progress label="Analysis running" />}
      {error && (
        <p className="error" role="alert" data-testid="analysis-error">
          {error}
        </p>
      )}
      {r && (
        <>
          <div className="metrics-row">
            <Metric label="Q hyperpol" unit="pC" value={r.qHyperpolPc} testId="q-hyperpol" busy={saving} />
            <Metric label="Q depol" unit="pC" value={r.qDepolPc} testId="q-depol" busy={saving} />
            <Metric label="Linear capacitance" unit="nF" value={r.capacitanceNf} testId="capacitance" busy={saving} />
            {r.startingPoint != null && (
              <Metric label="Starting point" unit="" value={r.startingPoint} testId="starting-point" />
            )}
          </div>
          <p className="muted small" data-testid="starting-point-how">
            {startingPointText(r)} {rangesText(r.ranges)}
            {adjusted
              ? ' Adjusted on this screen (ranges, fits or a subtracted line); the exports carry it.'
              : ' As analysed.'}
            {r.baselinePa !== undefined && r.baselinePa !== null ? ` Baseline ${fmt(r.baselinePa)} pA.` : ''}
          </p>
          {adjustError && (
            <p className="error" role="alert">
              {adjustError}
            </p>
          )}
          {r.provenance && (
            <details className="provenance">
              <summary className="small">How these numbers were made</summary>
              <dl className="kv small">
                {Object.entries(r.provenance).map(([k, v]) => (
                  <div key={k}>
                    <dt>{k}</dt>
                    <dd>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd>
                  </div>
                ))}
              </dl>
            </details>
          )}
          <div className="btn-row export-row" role="group" aria-label="Export">
            <span className="muted small">Export {exportCount > 1 ? `${exportCount} analyses` : 'these numbers'}:</span>
            {layouts.map((l) => (
              <button
                key={l.layout}
                type="button"
                className="btn"
                onClick={() => onExport(l.layout, set)}
                disabled={!!exporting || saving}
                title={l.description}
                data-testid={`export-${l.layout}`}
              >
                {exporting === l.layout ? 'Preparing…' : (LAYOUT_LABELS[l.layout] ?? l.layout)}
              </button>
            ))}
          </div>
          <label className="set-field small">
            Set for Lab sets
            <input
              type="number"
              min="0"
              step="1"
              inputMode="numeric"
              value={set}
              placeholder="from the name"
              onChange={(e) => setSet(e.target.value)}
              data-testid="lab-set"
            />
            <span className="muted">needed when the file name tells no set (e.g. 202304_0521.atf)</span>
          </label>
          {exportError && (
            <p className="error" role="alert" data-testid="export-error">
              {exportError}
            </p>
          )}
        </>
      )}
    </section>
  );
});
