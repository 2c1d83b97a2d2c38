import { useRef } from 'react';
import { Plot } from './Plot.jsx';
import { fitRows } from '../lib/chargeVoltage.js';
import { fmt } from '../lib/format.js';
import { singleFire } from '../lib/tap.js';

// Fixed axes and no drag: the page scrolls over these plots on phones, and a tap is a tap.
const PLOT_CONFIG = { scrollZoom: false, displayModeBar: false };
const INCLUDED = '#2563eb';
const EXCLUDED = '#c0c4cc';

const baseLayout = (title, yTitle, revision) => ({
  title: { text: title, font: { size: 13 } },
  margin: { l: 56, r: 12, t: 32, b: 40 },
  xaxis: { title: { text: 'V2 (mV)' }, zeroline: false, fixedrange: true },
  yaxis: { title: { text: yTitle }, zeroline: false, fixedrange: true },
  showlegend: false,
  hovermode: 'closest',
  dragmode: false,
  uirevision: revision,
  paper_bgcolor: 'rgba(0,0,0,0)',
  plot_bgcolor: '#fff',
  font: { family: 'inherit', size: 11 },
});

function SetCard({ set, excluded, onToggle, onExport, exporting, busy, words }) {
  const points = set.points;
  const isOut = (p) => excluded.includes(p.id);
  // One tap is one point: Plotly reports a tap twice on touch screens.
  const taps = useRef(null);
  const onClick = (e) => {
    const p = e.points.find((q) => q.curveNumber === 0);
    if (!p || busy) return;
    taps.current ??= singleFire((index, handle) => handle(index));
    taps.current(p.pointIndex, (index) => onToggle(points[index].id));
  };
  const qv = [
    {
      x: points.map((p) => p.v2Mv),
      y: points.map((p) => p.qDepolPc),
      text: points.map((p) => p.file),
      customdata: points.map((p) => p.id),
      type: 'scatter',
      mode: 'markers',
      name: 'points',
      marker: {
        size: 11,
        color: points.map((p) => (isOut(p) ? EXCLUDED : INCLUDED)),
        line: { width: 1, color: points.map((p) => (isOut(p) ? '#8b919c' : '#1e3a8a')) },
      },
      hovertemplate: '%{text}<br>%{x} mV, %{y:.4g} pC<extra></extra>',
    },
  ];
  if (set.curve?.v2Mv?.length) {
    qv.push({
      x: set.curve.v2Mv,
      y: set.curve.values,
      type: 'scatter',
      mode: 'lines',
      name: 'Boltzmann fit',
      line: { color: '#dc2626', width: 2 },
      hoverinfo: 'skip',
    });
  }
  const cv = [
    {
      x: set.cv?.v2Mv ?? [],
      y: set.cv?.values ?? [],
      type: 'scatter',
      mode: 'lines+markers',
      name: 'C',
      marker: { size: 8, color: '#0f766e' },
      line: { color: '#0f766e', width: 1.5 },
      hovertemplate: '%{x} mV, %{y:.4g} nF<extra></extra>',
    },
  ];
  const b = set.boltzmann;
  const rows = fitRows(b);
  return (
    <section className="card cv-set" aria-label={`Set ${set.set}`} data-testid={`cv-result-${set.set}`}>
      <h2 className="card-title">
        Set {set.set} · {points.length} files{excluded.length ? `, ${points.filter(isOut).length} excluded` : ''}
      </h2>
      <p className="muted small">
        {words.Click} a point to leave it out of the fit (or take it back); the set is refitted from the stored
        analyses.
      </p>
      <div className="purple-grid">
        <Plot
          data={qv}
          layout={baseLayout('Q–V (Q depol)', 'pC', `qv-${set.set}`)}
          config={PLOT_CONFIG}
          onClick={onClick}
          label={`Charge against voltage of set ${set.set} with the fitted Boltzmann curve`}
          testId={`cv-qv-${set.set}`}
          className="plot plot-small"
        />
        <Plot
          data={cv}
          layout={baseLayout('C–V', 'nF', `cv-${set.set}`)}
          config={PLOT_CONFIG}
          label={`Capacitance against voltage of set ${set.set}`}
          testId={`cv-cv-${set.set}`}
          className="plot plot-small"
        />
      </div>
      {b ? (
        <table className="cv-fit small" data-testid={`cv-fit-${set.set}`}>
          <caption className="muted">
            Q(V) = Qmax / (1 + exp(−(V − V½)/k)), {b.points} points, R² {fmt(b.r2)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">Value</th>
              <th scope="col">SE</th>
              <th scope="col">95 % CI</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">
                  {r.label} ({r.unit})
                </th>
                <td data-testid={`cv-${r.key}-${set.set}`} data-value={r.raw}>
                  {r.value}
                </td>
                <td>{r.se}</td>
                <td>{r.ci}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="warn small" role="status" data-testid={`cv-refusal-${set.set}`}>
          No fit: {set.refusal?.message ?? 'the API gave none.'}
        </p>
      )}
      <div className="row-wrap">
        {['lab-sets', 'tidy-csv'].map((layout) => (
          <button
            key={layout}
            type="button"
            className="btn small"
            disabled={!!exporting}
            onClick={() => onExport(set, layout)}
            data-testid={`cv-export-${layout}-${set.set}`}
          >
            {exporting === `${set.set}/${layout}`
              ? 'Exporting…'
              : layout === 'lab-sets'
                ? 'Lab sets (xlsx)'
                : 'Tidy CSV (zip)'}
          </button>
        ))}
      </div>
    </section>
  );
}

/** Every set of the charge–voltage view: Q–V with the fit, C–V, the fit's numbers, undo/redo of exclusions. */
export function ChargeVoltageSets({ cv, words }) {
  const { view, exclusions } = cv;
  if (!view && !cv.error) return null;
  return (
    <div className="cv-sets" data-testid="cv-sets" data-analysis-ids={view ? JSON.stringify(view.analysisIds) : ''}>
      <div className="row-wrap cv-toolbar">
        <h2 className="card-title">Charge–voltage</h2>
        <button
          type="button"
          className="icon-btn"
          aria-label="Undo exclusion"
          disabled={!exclusions.undo.length || cv.refitting}
          onClick={cv.undo}
          data-testid="cv-undo"
        >
          ↶
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-label="Redo exclusion"
          disabled={!exclusions.redo.length || cv.refitting}
          onClick={cv.redo}
          data-testid="cv-redo"
        >
          ↷
        </button>
        {cv.refitting && (
          <span className="muted small" role="status">
            Refitting…
          </span>
        )}
      </div>
      {cv.error && (
        <p className="error" role="alert" data-testid="cv-error">
          {cv.error}
        </p>
      )}
      {view?.sets.map((set) => (
        <SetCard
          key={set.set}
          set={set}
          excluded={exclusions.excluded.filter((id) => set.points.some((p) => p.id === id))}
          onToggle={cv.toggle}
          onExport={cv.exportSet}
          exporting={cv.exporting}
          busy={cv.refitting}
          words={words}
        />
      ))}
    </div>
  );
}
