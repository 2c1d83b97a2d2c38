import { useMemo, useRef, useState } from 'react';
import { Plot } from './Plot.jsx';
import { snapRange, STEP } from '../lib/snap.js';
import { fmt, fmtParameter } from '../lib/format.js';
import { canRedo, canUndo, hasLinear, subtracting } from '../lib/fits.js';
import { singleFire } from '../lib/tap.js';

// Own controls below each plot: no Plotly toolbar over the title, no zoom while scrolling the page.
// While a fit is armed the span is not editable, so taps reach the points under it.
const PLOT_CONFIG = { edits: { shapePosition: true }, scrollZoom: false, displayModeBar: false };
const PLOT_CONFIG_FIT = { edits: { shapePosition: false }, scrollZoom: false, displayModeBar: false };
const SPAN = { hyperpol: 'rgba(37, 99, 235, 0.16)', depol: 'rgba(220, 38, 38, 0.14)' };
const EDGE = { hyperpol: '#2563eb', depol: '#dc2626' };
const TITLE = { hyperpol: 'Purple hyperpol (V2 → V0)', depol: 'Purple depol (V0 → V2)' };
const KEY = { hyperpol: 'purpleHyperpol', depol: 'purpleDepol' };

/**
 * The x axis of a purple curve: desktop mode in purple points (its ranges are [start, end) points), standard
 * mode in ms from the step onset (its ranges are ms). `toRange` and `fromRange` convert a dragged position.
 */
function axisOf(curve, unit) {
  if (unit === 'points') {
    const xs = curve.firstIndex;
    return {
      xs,
      title: 'purple point',
      snap: (a, b) => snapRange([a, b], curve.sampleCount),
      min: 0,
      max: Math.ceil(curve.sampleCount / STEP) * STEP,
      step: STEP,
      text: (v) => String(v),
    };
  }
  const xs = curve.timeMs;
  const lo = xs[0];
  const hi = xs[xs.length - 1];
  const round = (v) => Math.round(Math.min(Math.max(v, lo), hi) * 100) / 100;
  return {
    xs,
    title: `ms from the step onset`,
    snap: (a, b) => [round(Math.min(a, b)), round(Math.max(a, b))],
    min: round(lo),
    max: round(hi),
    step: 0.1,
    text: (v) => `${fmt(v)} ms`,
  };
}

function CurvePlot({ name, curve, unit, range, onRange, fitsState, acceptedFits, onFits, models, busy, words }) {
  const [armed, setArmed] = useState(null);
  const [firstTap, setFirstTap] = useState(null);
  const axis = useMemo(() => axisOf(curve, unit), [curve, unit]);
  const subtract = subtracting(fitsState, name);

  const fitX = (f) =>
    unit === 'points' ? f.fitted.map((_, j) => f.from + j) : f.timesS.map((t) => (t - curve.originS) * 1000);
  const data = [];
  if (curve.decimated) {
    data.push({
      x: axis.xs,
      y: curve.max,
      type: 'scatter',
      mode: 'lines',
      line: { width: 0 },
      hoverinfo: 'skip',
      showlegend: false,
      name: 'max',
    });
    data.push({
      x: axis.xs,
      y: curve.min,
      type: 'scatter',
      mode: 'lines',
      line: { width: 0 },
      hoverinfo: 'skip',
      fill: 'tonexty',
      fillcolor: 'rgba(126, 34, 206, 0.15)',
      showlegend: false,
      name: 'min–max of each column',
    });
  }
  const main = data.length;
  data.push({
    x: axis.xs,
    y: curve.mean,
    type: 'scatter',
    mode: curve.decimated ? 'lines' : 'lines+markers',
    name: subtract ? 'purple − line' : 'purple',
    line: { color: '#7e22ce', width: 1.5 },
    marker: { size: 4, color: '#7e22ce' },
    hovertemplate: `${unit === 'points' ? 'point %{x}' : '%{x:.3f} ms'}<br>%{y:.4g} pA<extra></extra>`,
  });
  acceptedFits
    .filter((f) => !f.subtracted)
    .forEach((f, k) =>
      data.push({
        x: fitX(f),
        y: f.fitted,
        type: 'scatter',
        mode: 'lines',
        name: `${f.model} fit ${k + 1}`,
        line: { color: f.model === 'linear' ? '#0f766e' : '#ea580c', width: 2, dash: 'dot' },
        hovertemplate: `${f.model} fit, R² ${fmt(f.rSquared)}<extra></extra>`,
      }),
    );
  if (firstTap !== null) {
    data.push({
      x: [axis.xs[firstTap]],
      y: [curve.mean[firstTap]],
      type: 'scatter',
      mode: 'markers',
      name: 'first point',
      marker: { size: 12, color: '#f59e0b', symbol: 'diamond' },
      hoverinfo: 'skip',
    });
  }
  const layout = {
    title: { text: TITLE[name], font: { size: 13 } },
    margin: { l: 56, r: 12, t: 32, b: 40 },
    xaxis: { title: { text: axis.title }, zeroline: false, fixedrange: true },
    yaxis: { title: { text: 'pA' }, zeroline: false, fixedrange: true },
    showlegend: false,
    hovermode: 'closest',
    dragmode: false,
    uirevision: name,
    // A new revision for every snapped range, so the snapped position replaces the raw drag position.
    editrevision: `${range[0]}-${range[1]}`,
    shapes: [
      {
        type: 'rect',
        xref: 'x',
        yref: 'paper',
        x0: range[0],
        x1: range[1],
        y0: 0,
        y1: 1,
        // Above the data so it can be grabbed; while a fit is armed it goes below so taps reach the points.
        fillcolor: SPAN[name],
        line: { color: EDGE[name], width: 1.5 },
        editable: !armed,
        layer: armed ? 'below' : 'above',
      },
    ],
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: '#fff',
    font: { family: 'inherit', size: 11 },
  };
  const onRelayout = (e) => {
    const x0 = e['shapes[0].x0'];
    const x1 = e['shapes[0].x1'];
    if (x0 === undefined && x1 === undefined) return;
    onRange(axis.snap(x0 ?? range[0], x1 ?? range[1]));
  };

  const handleTap = (index) => {
    if (!armed || busy) return;
    if (firstTap === null) {
      setFirstTap(index);
      return;
    }
    const [a, b] = [firstTap, index].sort((x, y) => x - y);
    setFirstTap(null);
    setArmed(null);
    const model = armed === 'linear' ? 'linear' : name === 'hyperpol' ? 'exp-decay' : 'exp-rise';
    // Columns of a decimated curve stand for several samples: the fit takes full-curve indices.
    const from = curve.firstIndex[a];
    const to = curve.lastIndex[b];
    const min = models.find((m) => m.model === model)?.minPoints ?? 2;
    if (to - from + 1 < min) return;
    onFits({ type: 'accept', fit: { curve: name, model, from, to, subtract: false } });
  };
  // One tap is one point: Plotly reports a tap twice on touch screens.
  const taps = useRef(null);
  const onClick = (e) => {
    const p = e.points.find((q) => q.curveNumber === main);
    if (!p) return;
    taps.current ??= singleFire((index, handle) => handle(index));
    taps.current(p.pointIndex, handleTap);
  };
  const arm = (model) => {
    setArmed(armed === model ? null : model);
    setFirstTap(null);
  };
  const unitsOf = (model) =>
    Object.fromEntries((models.find((m) => m.model === model)?.parameters ?? []).map((p) => [p.name, p.unit]));
  return (
    <section className="purple" aria-label={TITLE[name]} data-testid={`purple-${name}`}>
      <Plot
        data={data}
        layout={layout}
        config={armed ? PLOT_CONFIG_FIT : PLOT_CONFIG}
        onRelayout={onRelayout}
        onClick={onClick}
        label={`${TITLE[name]} with its integration range`}
        testId={`plot-${name}`}
        className="plot plot-small"
      />
      <div className="range-inputs" role="group" aria-label={`${name} integration range`}>
        <label>
          Start
          <input
            type="range"
            min={axis.min}
            max={axis.max - axis.step}
            step={axis.step}
            value={range[0]}
            data-testid={`range-${name}-start`}
            onChange={(e) => onRange(axis.snap(Number(e.target.value), range[1]))}
          />
          <output>{axis.text(range[0])}</output>
        </label>
        <label>
          End
          <input
            type="range"
            min={axis.min + axis.step}
            max={axis.max}
            step={axis.step}
            value={range[1]}
            data-testid={`range-${name}-end`}
            onChange={(e) => onRange(axis.snap(range[0], Number(e.target.value)))}
          />
          <output>{axis.text(range[1])}</output>
        </label>
      </div>
      <div className="fit-bar" role="toolbar" aria-label={`${name} fits`}>
        <button
          type="button"
          className={'chip' + (armed === 'linear' ? ' on' : '')}
          aria-pressed={armed === 'linear'}
          onClick={() => arm('linear')}
          data-testid={`fit-linear-${name}`}
        >
          Linear fit
        </button>
        <button
          type="button"
          className={'chip' + (armed === 'exp' ? ' on' : '')}
          aria-pressed={armed === 'exp'}
          onClick={() => arm('exp')}
          data-testid={`fit-exp-${name}`}
        >
          Exp fit
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-label="Undo fit"
          disabled={!canUndo(fitsState, name)}
          onClick={() => onFits({ type: 'undo', curve: name })}
        >
          ↶
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-label="Redo fit"
          disabled={!canRedo(fitsState, name)}
          onClick={() => onFits({ type: 'redo', curve: name })}
        >
          ↷
        </button>
        <button
          type="button"
          className="btn small"
          disabled={!canUndo(fitsState, name)}
          onClick={() => onFits({ type: 'clear', curve: name })}
        >
          Clear
        </button>
        <label className="check small">
          <input
            type="checkbox"
            checked={subtract}
            disabled={!hasLinear(fitsState, name)}
            onChange={(e) => onFits({ type: 'subtract', curve: name, on: e.target.checked })}
          />
          Subtract line
        </label>
      </div>
      {armed && (
        <p className="hint small" aria-live="polite" data-testid={`fit-hint-${name}`}>
          {firstTap === null
            ? `${words.Click} the first point of the fit.`
            : `From ${axis.text(axis.xs[firstTap])}: ${words.click} the last point.`}
        </p>
      )}
      {acceptedFits.length > 0 && (
        <ul className="fits small" data-testid={`fits-${name}`}>
          {acceptedFits.map((f, k) => {
            const units = unitsOf(f.model);
            return (
              <li key={k} className={f.warnings?.length ? 'warned' : ''}>
                <strong>{f.model}</strong> points {f.from}–{f.to}
                {f.subtracted ? ' (subtracted)' : ''}, R² {fmt(f.rSquared)}:{' '}
                {Object.entries(f.parameters || {})
                  .map(([p, v]) => fmtParameter(p, v, units[p]))
                  .join(', ')}
                {(f.warnings ?? []).map((w) => (
                  <p key={w} className="warn small" role="alert">
                    ⚠ {w}
                  </p>
                ))}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Both purple curves with draggable integration spans, fits by two taps, undo/redo, line subtraction. */
export function PurpleCurves({ analysis, ranges, onRanges, fitsState, onFits, models, busy, words }) {
  const result = analysis.result;
  if (!analysis.curves?.purpleHyperpol || !ranges) return null;
  const unit = result.ranges?.unit ?? 'points';
  return (
    <div className="purple-grid">
      {['hyperpol', 'depol'].map((name) => (
        <CurvePlot
          key={`${analysis.analysisId}-${name}`}
          name={name}
          curve={analysis.curves[KEY[name]]}
          unit={unit}
          range={ranges[name]}
          onRange={(r) => onRanges({ ...ranges, [name]: r })}
          fitsState={fitsState}
          acceptedFits={(result.fits ?? []).filter((f) => f.curve === name)}
          onFits={onFits}
          models={models}
          busy={busy}
          words={words}
        />
      ))}
    </div>
  );
}
