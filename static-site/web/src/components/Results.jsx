import { Progress } from './Panel.jsx';
import { fmt } from '../lib/format.js';

function Metric({ label, unit, value, testId, busy }) {
  return (
    <div className={'metric' + (busy ? ' busy' : '')}>
      <div className="metric-label">{label}</div>
      <div className="metric-value">
        <span data-testid={testId} data-value={value ?? ''}>{fmt(value, 5)}</span>
        <span className="unit">{unit}</span>
      </div>
    </div>
  );
}

function howChosen(result) {
  const p = result?.provenance;
  if (result?.startingPoint === null || result?.startingPoint === undefined) {
    return `standard mode, step onsets from the ${p?.onsetSource ?? 'protocol'}`;
  }
  const source = { auto: 'chosen automatically (the desktop\'s grid search)', given: 'given in the Analysis panel' }[result?.startingPointSource];
  const text = p?.startingPoint ?? source;
  if (typeof text === 'string') return source && (text === 'auto' || text === 'given') ? source : text;
  if (text && typeof text === 'object') return Object.entries(text).map(([k, v]) => `${k}: ${v}`).join(', ');
  return null;
}

/** The ranges as the API states them (points in desktop mode, ms from the onset in standard mode). */
function rangesText(api, points) {
  if (api?.hyperpol && api.unit && api.unit !== 'points') {
    const r = (x) => `[${fmt(x[0])}, ${fmt(x[1])}]`;
    return `Ranges: hyperpol ${r(api.hyperpol)}, depol ${r(api.depol)} ${api.unit} from the onset`;
  }
  return `Ranges: hyperpol [${points.hyperpol[0]}, ${points.hyperpol[1]}), depol [${points.depol[0]}, ${points.depol[1]}) points`;
}

/** The API's numbers for the current analysis, and the exports. */
export function Results({ analysis, integrals, busy, running, error, ranges, onExport, exporting, exportError, exportCount }) {
  const r = analysis?.result;
  const provenance = r?.provenance && typeof r.provenance === 'object' ? r.provenance : null;
  return (
    <section className="card results" aria-label="Results" aria-live="polite" data-testid="results"
      data-analysis-id={analysis?.analysisId ?? ''}>
      <div className="card-head">
        <h2 className="card-title">Results {analysis ? <span className="muted small">· {analysis.fileName}</span> : null}</h2>
        {busy && <span className="muted small">updating…</span>}
      </div>
      {running && <Progress label="Analysis running" />}
      {error && <p className="error" role="alert" data-testid="analysis-error">{error}</p>}
      {analysis && integrals && (
        <>
          <div className="metrics-row">
            <Metric label="Q hyperpol" unit="pC" value={integrals.qHyperpolPc} testId="q-hyperpol" busy={busy} />
            <Metric label="Q depol" unit="pC" value={integrals.qDepolPc} testId="q-depol" busy={busy} />
            <Metric label="Linear capacitance" unit="nF" value={integrals.capacitanceNf} testId="capacitance" busy={busy} />
            <Metric label="Starting point" unit="" value={r.startingPoint} testId="starting-point" />
          </div>
          <p className="muted small" data-testid="starting-point-how">
            {r.startingPoint != null ? `Starting point ${r.startingPoint}: ` : 'No starting point: '}
            {howChosen(r) ?? 'as chosen in the Analysis panel'}.
            {' '}{rangesText(integrals.fromRanges ? integrals.ranges : r.ranges, ranges)}
            {integrals.fromRanges ? '' : ' (as analyzed)'}.
            {r.baselinePa !== undefined ? <> Baseline {fmt(r.baselinePa)} pA.</> : null}
          </p>
          {provenance && (
            <details className="provenance">
              <summary className="small">How these numbers were made</summary>
              <dl className="kv small">
                {Object.entries(provenance).map(([k, v]) => (
                  <div key={k}><dt>{k}</dt><dd>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd></div>
                ))}
              </dl>
            </details>
          )}
          <div className="btn-row" role="group" aria-label="Export">
            <span className="muted small">Export {exportCount > 1 ? `${exportCount} analyses` : 'this analysis'}:</span>
            <button type="button" className="btn" onClick={() => onExport('lab-sets')} disabled={!!exporting}
              data-testid="export-lab-sets">{exporting === 'lab-sets' ? 'Preparing…' : 'Lab sets (xlsx)'}</button>
            <button type="button" className="btn" onClick={() => onExport('full')} disabled={!!exporting}
              data-testid="export-full">{exporting === 'full' ? 'Preparing…' : 'Full workbook (xlsx)'}</button>
            <button type="button" className="btn" onClick={() => onExport('csv')} disabled={!!exporting}
              data-testid="export-csv">{exporting === 'csv' ? 'Preparing…' : 'CSV'}</button>
          </div>
          {exportError && <p className="error" role="alert">{exportError}</p>}
        </>
      )}
    </section>
  );
}
