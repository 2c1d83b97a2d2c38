import { useEffect, useMemo, useRef, useState } from 'react';
import { Plot } from './Plot.jsx';
import { formatError } from '../lib/errors.js';
import { useNarrow } from '../hooks/useMedia.js';

// SVG traces, not WebGL: the API sends at most 2·width points per trace, which SVG pans at 50–60 fps even where
// WebGL falls back to software rendering (scattergl measured 8 fps there).
const OVERLAY_COLORS = ['#0ea5e9', '#22c55e', '#eab308', '#f97316', '#14b8a6', '#6366f1'];
const ANALYSIS_CURVES = [
  ['orange', 'orange', '#FFA500', 'y'],
  ['normalized', 'normalized', '#0057B8', 'y2'],
  ['average', 'average', '#c026d3', 'y2'],
  ['purpleHyperpol', 'purple hyperpol', '#7e22ce', 'y'],
  ['purpleDepol', 'purple depol', '#a855f7', 'y'],
];

/** A display curve (docs/api.md, DisplayCurve) on the sweep's time axis in ms. */
const msOfSweep = (curve) => curve.timeMs.map((t) => curve.originS * 1000 + t);

/**
 * The recording: the API's decimated trace for the visible window (refetched after zoom/pan, debounced; an
 * overtaken request is aborted), the filtered trace of the panel's chain, other sweeps, and the analysis curves.
 * Time in ms. The page scrolls over the plot unless Zoom mode is on.
 */
export function RecordingPlot({
  api,
  file,
  sweep,
  channel,
  overlay,
  onSweep,
  onChannel,
  onOverlay,
  chain,
  preview,
  onPreview,
  analysis,
  curves,
  uploadClock,
  touch,
  words,
}) {
  const [view, setView] = useState(null);
  const [traces, setTraces] = useState(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState(null);
  const [readout, setReadout] = useState('');
  const [firstPlotMs, setFirstPlotMs] = useState(null);
  const [zoom, setZoom] = useState(!touch);
  const box = useRef(null);
  const narrow = useNarrow();
  const chainKey = JSON.stringify(chain);
  const overlayKey = overlay.join(',');
  const hasTraces = traces !== null;

  useEffect(() => {
    const ctrl = new AbortController();
    const width = Math.max(300, Math.min(4000, Math.round(box.current?.clientWidth || 1200)));
    const p = { sweep, channel, startS: view?.startS, endS: view?.endS, width };
    const filtered = preview ? JSON.parse(chainKey) : null;
    const timer = setTimeout(
      async () => {
        setLoading(true);
        try {
          const main = filtered
            ? await api.filter(file.fileId, { ...p, chain: filtered }, ctrl.signal)
            : { raw: await api.trace(file.fileId, p, ctrl.signal) };
          const others = overlayKey
            ? overlayKey
                .split(',')
                .map(Number)
                .filter((s) => s !== sweep)
            : [];
          const overlays = await Promise.all(
            others.map((s) => api.trace(file.fileId, { ...p, sweep: s }, ctrl.signal)),
          );
          setTraces({ ...main, overlays, fileId: file.fileId });
          onPreview(main.metrics ? { metrics: main.metrics } : null);
          setError(null);
          if (uploadClock.current !== null) {
            setFirstPlotMs(Math.round(performance.now() - uploadClock.current));
            uploadClock.current = null;
          }
        } catch (e) {
          if (e.name === 'AbortError') return;
          setError(formatError(e, 'Trace'));
          if (filtered) onPreview({ error: formatError(e, 'Filter preview') });
        } finally {
          if (!ctrl.signal.aborted) setLoading(false);
        }
      },
      hasTraces ? 200 : 0,
    );
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [
    api,
    file.fileId,
    sweep,
    channel,
    overlayKey,
    view?.startS,
    view?.endS,
    chainKey,
    preview,
    onPreview,
    uploadClock,
    hasTraces,
  ]);

  const ch = file.channels?.[channel] ?? { name: 'signal', unit: '' };
  const shown = traces && traces.fileId === file.fileId ? traces : null;
  const unit = shown?.raw?.unit ?? ch.unit;

  const data = useMemo(() => {
    if (!shown) return [];
    const c = curves;
    const hover = (name) => `${name}<br>t = %{x:.3f} ms<br>%{y:.4g} ${unit}<extra></extra>`;
    const ms = (t) => t.timesS.map((s) => s * 1000);
    const out = [];
    shown.overlays.forEach((t, i) =>
      out.push({
        x: ms(t),
        y: t.values,
        type: 'scatter',
        mode: c.raw.mode,
        name: `sweep ${t.sweep + 1}`,
        visible: c.raw.show,
        line: { color: OVERLAY_COLORS[i % OVERLAY_COLORS.length], width: 1 },
        marker: { size: 3 },
        opacity: 0.7,
        hovertemplate: hover(`sweep ${t.sweep + 1}`),
      }),
    );
    out.push({
      x: ms(shown.raw),
      y: shown.raw.values,
      type: 'scatter',
      mode: c.raw.mode,
      name: `raw, sweep ${sweep + 1}`,
      visible: c.raw.show,
      line: { color: '#94a3b8', width: 1 },
      marker: { size: 3, color: '#94a3b8' },
      hovertemplate: hover('raw'),
    });
    if (shown.filtered) {
      out.push({
        x: ms(shown.filtered),
        y: shown.filtered.values,
        type: 'scatter',
        mode: c.filtered.mode,
        name: 'filtered',
        visible: c.filtered.show,
        line: { color: '#dc2626', width: 1.5 },
        marker: { size: 3 },
        hovertemplate: hover('filtered'),
      });
    }
    for (const [key, name, color, axis] of ANALYSIS_CURVES) {
      const curve = analysis?.curves?.[key];
      if (!curve || !curve.timeMs.length) continue;
      out.push({
        x: msOfSweep(curve),
        y: curve.mean,
        type: 'scatter',
        mode: c[key].mode,
        name,
        visible: c[key].show,
        yaxis: axis,
        line: { color, width: 2 },
        marker: { size: 4, color },
        hovertemplate: `${name}<br>t = %{x:.3f} ms<br>%{y:.4g} ${curve.unit}<extra></extra>`,
      });
    }
    return out;
  }, [shown, curves, analysis, sweep, unit]);

  const r = analysis?.result;
  const startS = r?.startingPoint != null ? r.orangeTimesS?.[r.startingPoint] : undefined;
  const start = startS !== undefined ? startS * 1000 : undefined;
  const layout = useMemo(
    () => ({
      margin: { l: 64, r: analysis ? 56 : 16, t: 8, b: narrow ? 40 : 44 },
      xaxis: {
        title: { text: 'Time (ms)' },
        zeroline: false,
        showspikes: !touch,
        spikemode: 'across',
        spikethickness: 1,
      },
      yaxis: { title: { text: `${ch.name} (${unit})` }, zeroline: false, fixedrange: !zoom },
      ...(analysis
        ? {
            yaxis2: {
              title: { text: 'pA/mV' },
              overlaying: 'y',
              side: 'right',
              showgrid: false,
              zeroline: false,
              fixedrange: !zoom,
            },
          }
        : {}),
      showlegend: true,
      // On a phone the legend goes under the plot, where it covers no data.
      legend: narrow
        ? { orientation: 'h', y: -0.22, yanchor: 'top', x: 0, font: { size: 10 } }
        : { orientation: 'h', y: 1.02, yanchor: 'bottom', x: 0, font: { size: 11 } },
      hovermode: 'closest',
      dragmode: zoom ? 'zoom' : false,
      uirevision: file.fileId,
      shapes:
        start !== undefined
          ? [
              {
                type: 'line',
                xref: 'x',
                yref: 'paper',
                x0: start,
                x1: start,
                y0: 0,
                y1: 1,
                line: { color: '#FFA500', width: 2, dash: 'dash' },
              },
            ]
          : [],
      annotations:
        start !== undefined
          ? [
              {
                x: start,
                y: 1,
                xref: 'x',
                yref: 'paper',
                yanchor: 'bottom',
                text: `start ${r.startingPoint}`,
                showarrow: false,
                font: { color: '#b45309', size: 11 },
              },
            ]
          : [],
      paper_bgcolor: 'rgba(0,0,0,0)',
      plot_bgcolor: '#fff',
      font: { family: 'inherit', size: 12 },
    }),
    [file.fileId, ch.name, unit, analysis, start, r, narrow, zoom, touch],
  );
  const config = useMemo(() => ({ scrollZoom: zoom, displayModeBar: false, doubleClick: 'autosize' }), [zoom]);

  const onRelayout = (e) => {
    if (e['xaxis.autorange']) return setView(null);
    const a = e['xaxis.range[0]'] ?? e['xaxis.range']?.[0];
    const b = e['xaxis.range[1]'] ?? e['xaxis.range']?.[1];
    if (a !== undefined && b !== undefined) setView({ startS: Math.max(0, a / 1000), endS: b / 1000 });
  };
  const read = (e) => {
    const p = e.points?.[0];
    if (!p) return;
    const u = p.data.yaxis === 'y2' ? 'pA/mV' : unit;
    setReadout(`${p.data.name}: t = ${Number(p.x).toFixed(3)} ms, ${Number(p.y).toPrecision(5)} ${u}`);
  };
  const sweeps = Array.from({ length: file.sweepCount }, (_, i) => i);
  return (
    <section className="card plot-card" aria-label="Recording">
      <div className="plot-toolbar">
        <h2 className="card-title" data-testid="file-title">
          {file.fileName}
        </h2>
        <div className="toolbar-controls">
          <label>
            Sweep
            <select value={sweep} onChange={(e) => onSweep(Number(e.target.value))} data-testid="sweep">
              {sweeps.map((s) => (
                <option key={s} value={s}>
                  {s + 1}
                </option>
              ))}
            </select>
          </label>
          <label>
            Channel
            <select value={channel} onChange={(e) => onChannel(Number(e.target.value))} data-testid="channel">
              {file.channels.map((c, i) => (
                <option key={i} value={i}>
                  {c.name} ({c.unit})
                </option>
              ))}
            </select>
          </label>
          {file.sweepCount > 1 && (
            <details className="overlay-picker">
              <summary>Overlay ({overlay.length})</summary>
              <div className="overlay-list">
                {sweeps.map((s) => (
                  <label key={s} className="check">
                    <input
                      type="checkbox"
                      checked={overlay.includes(s)}
                      disabled={s === sweep}
                      onChange={(e) => onOverlay(e.target.checked ? [...overlay, s] : overlay.filter((x) => x !== s))}
                    />
                    sweep {s + 1}
                  </label>
                ))}
                <button
                  type="button"
                  className="btn small"
                  onClick={() => onOverlay(sweeps.filter((s) => s !== sweep))}
                >
                  All
                </button>
                <button type="button" className="btn small" onClick={() => onOverlay([])}>
                  None
                </button>
              </div>
            </details>
          )}
          <button
            type="button"
            className={'btn small' + (zoom ? ' on' : '')}
            aria-pressed={zoom}
            onClick={() => setZoom(!zoom)}
            data-testid="zoom-mode"
            title="Off: the page scrolls over the plot. On: drag to zoom."
          >
            Zoom
          </button>
          <button type="button" className="btn small" onClick={() => setView(null)} disabled={!view}>
            Whole sweep
          </button>
        </div>
      </div>
      <div ref={box} className={'plot-box' + (zoom ? ' zooming' : '')} data-first-plot-ms={firstPlotMs ?? ''}>
        {loading && <div className="loading-line" aria-hidden="true" />}
        <Plot
          data={data}
          layout={layout}
          config={config}
          onRelayout={onRelayout}
          onHover={read}
          onClick={read}
          onUnhover={() => !touch && setReadout('')}
          label={`Recording ${file.fileName}, sweep ${sweep + 1}, ${ch.name} in ${unit} against time in ms`}
          testId="recording-plot"
          className="plot plot-main"
        />
      </div>
      <div className="statusline">
        <span data-testid="hover-readout" aria-live="polite">
          {readout || words.readout}
        </span>
        <span className="muted">
          {shown?.raw
            ? `${shown.raw.decimated ? 'min/max of ' : ''}${shown.raw.sampleCount?.toLocaleString?.() ?? ''} samples in view`
            : ''}
        </span>
      </div>
      {error && (
        <p className="error" role="alert" data-testid="trace-error">
          {error}
        </p>
      )}
    </section>
  );
}
