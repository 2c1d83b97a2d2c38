import { useMemo, useState } from 'react';
import { Plot } from './Plot.jsx';
import { snapRange, nearestIndex, STEP } from '../lib/snap.js';
import { fmt } from '../lib/format.js';

// Own controls below each plot: no Plotly toolbar over the title, no wheel zoom while scrolling the page.
// While a fit is armed the span is not editable, so clicks reach the points under it.
const PLOT_CONFIG = { edits: { shapePosition: true }, scrollZoom: false, displayModeBar: false };
const PLOT_CONFIG_FIT = { edits: { shapePosition: false }, scrollZoom: false, displayModeBar: false };
const SPAN = { hyperpol: 'rgba(37, 99, 235, 0.16)', depol: 'rgba(220, 38, 38, 0.14)' };
const EDGE = { hyperpol: '#2563eb', depol: '#dc2626' };
const TITLE = { hyperpol: 'Purple hyperpol (V2 → V0)', depol: 'Purple depol (V0 → V2)' };

/** The straight line through the fit's first and last fitted points, over every time of the curve. */
function lineOver(fit, times) {
  const { timesS: ft, fitted: fy } = fit.response;
  const n = ft.length - 1;
  const slope = (fy[n] - fy[0]) / (ft[n] - ft[0]);
  return times.map((t) => fy[0] + slope * (t - ft[0]));
}

function CurvePlot({ name, values, times, unit, range, onRange, fits, onFit, onUndo, onRedo, onClear, busy }) {
  const [armed, setArmed] = useState(null);
  const [firstClick, setFirstClick] = useState(null);
  const [subtract, setSubtract] = useState(false);
  const xs = useMemo(() => values.map((_, i) => i), [values]);
  const current = fits.stack;
  const lastLinear = [...current].reverse().find((f) => f.model === 'linear');
  const shown = useMemo(() => {
    if (!subtract || !lastLinear) return values;
    const line = lineOver(lastLinear, times);
    return values.map((v, i) => v - line[i]);
  }, [subtract, lastLinear, values, times]);

  const data = [
    { x: xs, y: shown, type: 'scatter', mode: 'lines+markers', name: subtract ? 'purple − line' : 'purple',
      line: { color: '#7e22ce', width: 1.5 }, marker: { size: 4, color: '#7e22ce' },
      hovertemplate: `point %{x}<br>%{y:.4g} ${unit}<extra></extra>` },
    ...current.map((f, k) => {
      const idx = f.response.timesS.map((t) => nearestIndex(times, t));
      const line = subtract && lastLinear ? lineOver(lastLinear, times) : null;
      return {
        x: idx, y: f.response.fitted.map((v, j) => (line ? v - line[idx[j]] : v)), type: 'scatter', mode: 'lines',
        name: `${f.model} fit ${k + 1}`, line: { color: f.model === 'linear' ? '#0f766e' : '#ea580c', width: 2, dash: 'dot' },
        hovertemplate: `${f.model} fit, R² ${fmt(f.response.rSquared)}<extra></extra>`,
      };
    }),
  ];
  if (firstClick !== null) {
    data.push({ x: [firstClick], y: [shown[firstClick]], type: 'scatter', mode: 'markers', name: 'first point',
      marker: { size: 11, color: '#f59e0b', symbol: 'diamond' }, hoverinfo: 'skip' });
  }
  const layout = {
    title: { text: TITLE[name], font: { size: 13 } },
    margin: { l: 56, r: 12, t: 32, b: 40 },
    xaxis: { title: { text: 'purple point' }, zeroline: false },
    yaxis: { title: { text: unit }, zeroline: false },
    showlegend: false,
    hovermode: 'closest',
    dragmode: false,
    uirevision: name,
    // A new revision for every snapped range, so the snapped position replaces the user's raw drag position.
    editrevision: `${range[0]}-${range[1]}`,
    shapes: [{
      type: 'rect', xref: 'x', yref: 'paper', x0: range[0], x1: range[1], y0: 0, y1: 1,
      // Above the data so it can be grabbed; while a fit is armed it goes below so clicks reach the points.
      fillcolor: SPAN[name], line: { color: EDGE[name], width: 1.5 }, editable: !armed, layer: armed ? 'below' : 'above',
    }],
    paper_bgcolor: 'rgba(0,0,0,0)', plot_bgcolor: '#fff', font: { family: 'inherit', size: 11 },
  };
  const onRelayout = (e) => {
    const x0 = e['shapes[0].x0'];
    const x1 = e['shapes[0].x1'];
    if (x0 === undefined && x1 === undefined) return;
    onRange(snapRange([x0 ?? range[0], x1 ?? range[1]], values.length));
  };
  const onClick = (e) => {
    if (!armed || busy) return;
    const p = e.points.find((q) => q.curveNumber === 0);
    if (!p) return;
    if (firstClick === null) {
      setFirstClick(p.pointIndex);
      return;
    }
    const [from, to] = [firstClick, p.pointIndex].sort((a, b) => a - b);
    setFirstClick(null);
    setArmed(null);
    if (to - from < 2) return;
    onFit(armed === 'linear' ? 'linear' : name === 'hyperpol' ? 'exp-decay' : 'exp-rise', from, to);
  };
  const arm = (model) => { setArmed(armed === model ? null : model); setFirstClick(null); };
  const maxEnd = Math.ceil(values.length / STEP) * STEP;
  return (
    <section className="purple" aria-label={TITLE[name]} data-testid={`purple-${name}`}>
      <Plot data={data} layout={layout} config={armed ? PLOT_CONFIG_FIT : PLOT_CONFIG}
        onRelayout={onRelayout} onClick={onClick} label={`${TITLE[name]} with its integration range`}
        testId={`plot-${name}`} className="plot plot-small" />
      <div className="range-inputs" role="group" aria-label={`${name} integration range`}>
        <label>Start
          <input type="range" min="0" max={maxEnd - STEP} step={STEP} value={range[0]} data-testid={`range-${name}-start`}
            onChange={(e) => onRange(snapRange([Number(e.target.value), range[1]], values.length))} />
          <output>{range[0]}</output>
        </label>
        <label>End
          <input type="range" min={STEP} max={maxEnd} step={STEP} value={range[1]} data-testid={`range-${name}-end`}
            onChange={(e) => onRange(snapRange([range[0], Number(e.target.value)], values.length))} />
          <output>{range[1]}</output>
        </label>
      </div>
      <div className="fit-bar" role="toolbar" aria-label={`${name} fits`}>
        <button type="button" className={'chip' + (armed === 'linear' ? ' on' : '')} aria-pressed={armed === 'linear'}
          onClick={() => arm('linear')}>Linear fit</button>
        <button type="button" className={'chip' + (armed === 'exp' ? ' on' : '')} aria-pressed={armed === 'exp'}
          onClick={() => arm('exp')}>Exp fit</button>
        <button type="button" className="icon-btn" aria-label="Undo fit" disabled={!current.length} onClick={onUndo}>↶</button>
        <button type="button" className="icon-btn" aria-label="Redo fit" disabled={!fits.redo.length} onClick={onRedo}>↷</button>
        <button type="button" className="btn small" disabled={!current.length} onClick={onClear}>Clear</button>
        <label className="check small">
          <input type="checkbox" checked={subtract} disabled={!lastLinear} onChange={(e) => setSubtract(e.target.checked)} />
          Subtract line
        </label>
      </div>
      {armed && <p className="hint small" aria-live="polite">
        {firstClick === null ? 'Click the first point of the fit.' : `From point ${firstClick}: click the last point.`}</p>}
      {current.length > 0 && (
        <ul className="fits small">
          {current.map((f, k) => (
            <li key={k}>
              <strong>{f.model}</strong> points {f.from}–{f.to}, R² {fmt(f.response.rSquared)}:{' '}
              {Object.entries(f.response.parameters || {}).map(([p, v]) => `${p} = ${fmt(v)}`).join(', ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Both purple curves with draggable integration spans (snap 5), fits by two clicks, undo/redo, line subtraction. */
export function PurpleCurves({ result, ranges, onRanges, fits, onFit, onUndo, onRedo, onClear, busy }) {
  if (!result?.purpleHyperpol) return null;
  return (
    <div className="purple-grid">
      {['hyperpol', 'depol'].map((name) => {
        const values = name === 'hyperpol' ? result.purpleHyperpol : result.purpleDepol;
        const times = name === 'hyperpol' ? result.purpleHyperpolTimesS : result.purpleDepolTimesS;
        return (
          <CurvePlot key={name} name={name} values={values} times={times || values.map((_, i) => i)} unit="pA"
            range={ranges[name]} onRange={(r) => onRanges({ ...ranges, [name]: r })} fits={fits[name]}
            onFit={(model, from, to) => onFit(name, model, from, to)} onUndo={() => onUndo(name)}
            onRedo={() => onRedo(name)} onClear={() => onClear(name)} busy={busy} />
        );
      })}
    </div>
  );
}
