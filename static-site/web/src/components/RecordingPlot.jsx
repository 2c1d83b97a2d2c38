import { useEffect, useMemo, useRef, useState } from 'react';
import { Plot } from './Plot.jsx';
import { toChainJson } from '../lib/filters.js';
import { formatError } from '../lib/errors.js';

// SVG traces, not WebGL: the API sends at most 2·width points per trace, which SVG pans at 50–60 fps even where
// WebGL falls back to software rendering (scattergl measured 8 fps there).
const OVERLAY_COLORS = ['#0ea5e9', '#22c55e', '#eab308', '#f97316', '#14b8a6', '#6366f1'];

const isRaw = (chain) => chain.preset === 'raw' || (chain.steps && chain.steps.length === 0);

/**
 * The recording: the API's decimated trace for the visible window (refetched after zoom/pan, debounced; an
 * overtaken request is aborted), the filtered trace over it, other sweeps overlaid, and the analysis curves.
 */
export function RecordingPlot({ api, file, sweep, channel, overlay, onSweep, onChannel, onOverlay, chain, onPreview,
  analysis, curves, uploadClock }) {
  const [view, setView] = useState(null);
  const [traces, setTraces] = useState(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState(null);
  const [readout, setReadout] = useState('');
  const [firstPlotMs, setFirstPlotMs] = useState(null);
  const box = useRef(null);
  const chainKey = JSON.stringify(chain);
  const [narrow, setNarrow] = useState(() => window.matchMedia('(max-width: 700px)').matches);
  useEffect(() => {
    const mq = window.matchMedia('(max-width: 700px)');
    const on = () => setNarrow(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);

  useEffect(() => { setView(null); setTraces(null); }, [file.fileId]);

  useEffect(() => {
    const ctrl = new AbortController();
    const width = Math.max(300, Math.min(4000, Math.round(box.current?.clientWidth || 1200)));
    const p = { sweep, channel, startS: view?.startS, endS: view?.endS, width };
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        let main;
        if (isRaw(chain)) {
          main = { raw: await api.trace(file.fileId, p, ctrl.signal) };
        } else {
          main = await api.filter(file.fileId, { ...p, chain: toChainJson(chain) }, ctrl.signal);
        }
        const overlays = await Promise.all(overlay.filter((s) => s !== sweep)
          .map((s) => api.trace(file.fileId, { ...p, sweep: s }, ctrl.signal)));
        setTraces({ ...main, overlays });
        onPreview(main.metrics ? { metrics: main.metrics } : null);
        setError(null);
        if (uploadClock.current !== null) {
          setFirstPlotMs(Math.round(performance.now() - uploadClock.current));
          uploadClock.current = null;
        }
      } catch (e) {
        if (e.name === 'AbortError') return;
        setError(formatError(e, 'Trace'));
        if (!isRaw(chain)) onPreview({ error: formatError(e, 'Filter preview') });
      } finally {
        if (!ctrl.signal.aborted) setLoading(false);
      }
    }, traces ? 200 : 0);
    return () => { clearTimeout(timer); ctrl.abort(); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, file.fileId, sweep, channel, overlay.join(','), view?.startS, view?.endS, chainKey]);

  const ch = file.channels?.[channel] ?? { name: 'signal', unit: '' };
  const unit = traces?.raw?.unit ?? ch.unit;

  const data = useMemo(() => {
    if (!traces) return [];
    const c = curves;
    const hover = (name) => `${name}<br>t = %{x:.5f} s<br>%{y:.4g} ${unit}<extra></extra>`;
    const out = [];
    traces.overlays.forEach((t, i) => out.push({
      x: t.timesS, y: t.values, type: 'scatter', mode: c.raw.mode, name: `sweep ${t.sweep + 1}`, visible: c.raw.show,
      line: { color: OVERLAY_COLORS[i % OVERLAY_COLORS.length], width: 1 }, marker: { size: 3 }, opacity: 0.7,
      hovertemplate: hover(`sweep ${t.sweep + 1}`),
    }));
    out.push({
      x: traces.raw.timesS, y: traces.raw.values, type: 'scatter', mode: c.raw.mode, name: `raw, sweep ${sweep + 1}`,
      visible: c.raw.show, line: { color: '#94a3b8', width: 1 }, marker: { size: 3, color: '#94a3b8' },
      hovertemplate: hover('raw'),
    });
    if (traces.filtered) {
      out.push({
        x: traces.filtered.timesS, y: traces.filtered.values, type: 'scatter', mode: c.filtered.mode,
        name: 'filtered', visible: c.filtered.show, line: { color: '#dc2626', width: 1.5 }, marker: { size: 3 },
        hovertemplate: hover('filtered'),
      });
    }
    const r = analysis?.result;
    if (r) {
      const add = (key, y, x, name, color, axis = 'y') => {
        if (!y) return;
        out.push({ x: x ?? y.map((_, i) => i), y, type: 'scatter', mode: c[key].mode, name, visible: c[key].show,
          yaxis: axis, line: { color, width: 2 }, marker: { size: 4, color }, hovertemplate: hover(name) });
      };
      add('orange', r.orange, r.orangeTimesS, 'orange', '#FFA500');
      add('normalized', r.normalized, r.normalizedTimesS ?? r.orangeTimesS, 'normalized', '#0057B8', 'y2');
      add('average', r.average, r.averageTimesS, 'average', '#c026d3', 'y2');
      add('purpleHyperpol', r.purpleHyperpol, r.purpleHyperpolTimesS, 'purple hyperpol', '#7e22ce');
      add('purpleDepol', r.purpleDepol, r.purpleDepolTimesS, 'purple depol', '#a855f7');
    }
    return out;
  }, [traces, curves, analysis, sweep, unit]);

  const startTime = analysis?.result?.orangeTimesS?.[analysis.result.startingPoint];
  const layout = useMemo(() => ({
    margin: { l: 64, r: analysis ? 56 : 16, t: 8, b: 44 },
    xaxis: { title: { text: 'Time (s)' }, zeroline: false, showspikes: true, spikemode: 'across', spikethickness: 1 },
    yaxis: { title: { text: `${ch.name} (${unit})` }, zeroline: false },
    ...(analysis ? { yaxis2: { title: { text: 'normalized' }, overlaying: 'y', side: 'right', showgrid: false, zeroline: false } } : {}),
    // On a phone the legend would cover the data; the Curves panel names the curves there.
    showlegend: !narrow,
    legend: { orientation: 'h', y: 1.02, yanchor: 'bottom', x: 0, font: { size: 11 } },
    hovermode: 'closest',
    uirevision: file.fileId,
    shapes: startTime !== undefined ? [{ type: 'line', xref: 'x', yref: 'paper', x0: startTime, x1: startTime, y0: 0, y1: 1,
      line: { color: '#FFA500', width: 2, dash: 'dash' } }] : [],
    annotations: startTime !== undefined ? [{ x: startTime, y: 1, xref: 'x', yref: 'paper', yanchor: 'bottom',
      text: `start ${analysis.result.startingPoint}`, showarrow: false, font: { color: '#b45309', size: 11 } }] : [],
    paper_bgcolor: 'rgba(0,0,0,0)', plot_bgcolor: '#fff', font: { family: 'inherit', size: 12 },
  }), [file.fileId, ch.name, unit, analysis, startTime, narrow]);

  const onRelayout = (e) => {
    if (e['xaxis.autorange']) return setView(null);
    const a = e['xaxis.range[0]'] ?? e['xaxis.range']?.[0];
    const b = e['xaxis.range[1]'] ?? e['xaxis.range']?.[1];
    if (a !== undefined && b !== undefined) setView({ startS: Math.max(0, a), endS: b });
  };
  const onHover = (e) => {
    const p = e.points?.[0];
    if (p) setReadout(`${p.data.name}: t = ${Number(p.x).toFixed(5)} s, ${Number(p.y).toPrecision(5)} ${p.data.yaxis === 'y2' ? '' : unit}`);
  };
  const sweeps = Array.from({ length: file.sweepCount }, (_, i) => i);
  return (
    <section className="card plot-card" aria-label="Recording">
      <div className="plot-toolbar">
        <h2 className="card-title" data-testid="file-title">{file.fileName}</h2>
        <div className="toolbar-controls">
          <label>Sweep
            <select value={sweep} onChange={(e) => onSweep(Number(e.target.value))} data-testid="sweep">
              {sweeps.map((s) => <option key={s} value={s}>{s + 1}</option>)}
            </select>
          </label>
          <label>Channel
            <select value={channel} onChange={(e) => onChannel(Number(e.target.value))} data-testid="channel">
              {file.channels.map((c, i) => <option key={i} value={i}>{c.name} ({c.unit})</option>)}
            </select>
          </label>
          {file.sweepCount > 1 && (
            <details className="overlay-picker">
              <summary>Overlay ({overlay.length})</summary>
              <div className="overlay-list">
                {sweeps.map((s) => (
                  <label key={s} className="check">
                    <input type="checkbox" checked={overlay.includes(s)} disabled={s === sweep}
                      onChange={(e) => onOverlay(e.target.checked ? [...overlay, s] : overlay.filter((x) => x !== s))} />
                    sweep {s + 1}
                  </label>
                ))}
                <button type="button" className="btn small" onClick={() => onOverlay(sweeps.filter((s) => s !== sweep))}>All</button>
                <button type="button" className="btn small" onClick={() => onOverlay([])}>None</button>
              </div>
            </details>
          )}
          <button type="button" className="btn small" onClick={() => setView(null)} disabled={!view}>Whole sweep</button>
        </div>
      </div>
      <div ref={box} className="plot-box" data-first-plot-ms={firstPlotMs ?? ''}>
        {loading && <div className="loading-line" aria-hidden="true" />}
        <Plot data={data} layout={layout} onRelayout={onRelayout} onHover={onHover} onUnhover={() => setReadout('')}
          label={`Recording ${file.fileName}, sweep ${sweep + 1}, ${ch.name} in ${unit} against time in seconds`}
          testId="recording-plot" className="plot plot-main" />
      </div>
      <div className="statusline">
        <span data-testid="hover-readout" aria-live="off">{readout || 'Hover the plot for time and value · drag to zoom · double-click to reset'}</span>
        <span className="muted">
          {traces?.raw ? `${traces.raw.decimated ? 'min/max of ' : ''}${traces.raw.sampleCount?.toLocaleString?.() ?? ''} samples in view` : ''}
        </span>
      </div>
      {error && <p className="error" role="alert" data-testid="trace-error">{error}</p>}
    </section>
  );
}
