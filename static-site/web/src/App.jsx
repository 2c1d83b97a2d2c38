import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { SessionBar } from './components/SessionBar.jsx';
import { FilesPanel } from './components/FilesPanel.jsx';
import { FiltersPanel } from './components/FiltersPanel.jsx';
import { AnalysisPanel } from './components/AnalysisPanel.jsx';
import { CurvesPanel, CURVES } from './components/CurvesPanel.jsx';
import { HistoryPanel, BatchPanel } from './components/HistoryPanel.jsx';
import { PurpleCurves } from './components/PurpleCurves.jsx';
import { Results } from './components/Results.jsx';
import { RecordingPlot } from './components/RecordingPlot.jsx';
import { createSession, download, loadStoredSession, putToPresignedUrl, sessionApi, storeSession } from './lib/api.js';
import { formatError } from './lib/errors.js';
import { checkFile, contentTypeFor } from './lib/files.js';
import { toChainJson } from './lib/filters.js';
import { toRequestParams, validateParams } from './lib/validate.js';
import { latestOnly } from './lib/debounce.js';
import { nearestIndex } from './lib/snap.js';

const DEFAULT_PARAMS = {
  mode: 'desktop', nCycles: '2', t0Ms: '20', t1Ms: '100', t2Ms: '100', v0Mv: '-80', v1Mv: '-100', v2Mv: '-20',
  startingPoint: 'auto',
};
const DEFAULT_RANGES = { hyperpol: [0, 200], depol: [0, 200] };
const NO_FITS = { hyperpol: { stack: [], redo: [] }, depol: { stack: [], redo: [] } };
const RAW = { preset: 'raw' };
const initialCurves = () => Object.fromEntries(CURVES.map(([key]) => [key, { show: true, mode: 'lines' }]));

export function App() {
  const [session, setSession] = useState(null);
  const [sessionBusy, setSessionBusy] = useState(true);
  const [banner, setBanner] = useState(null);
  const [files, setFiles] = useState([]);
  const [uploads, setUploads] = useState([]);
  const [currentFileId, setCurrentFileId] = useState(null);
  const [sweep, setSweep] = useState(0);
  const [channel, setChannel] = useState(0);
  const [overlay, setOverlay] = useState([]);
  const [applied, setApplied] = useState(RAW);
  const [draft, setDraft] = useState(RAW);
  const [previewOn, setPreviewOn] = useState(true);
  const [params, setParams] = useState(DEFAULT_PARAMS);
  const [v2Source, setV2Source] = useState(null);
  const [analysis, setAnalysis] = useState(null);
  const [analysisChainKey, setAnalysisChainKey] = useState(null);
  const [running, setRunning] = useState(false);
  const [analysisError, setAnalysisError] = useState(null);
  const [ranges, setRanges] = useState(DEFAULT_RANGES);
  const [integrals, setIntegrals] = useState(null);
  const [integralsBusy, setIntegralsBusy] = useState(false);
  const [fits, setFits] = useState(NO_FITS);
  const [fitError, setFitError] = useState(null);
  const [curves, setCurves] = useState(initialCurves);
  const [history, setHistory] = useState([]);
  const [historySelected, setHistorySelected] = useState([]);
  const [batchSelected, setBatchSelected] = useState([]);
  const [job, setJob] = useState(null);
  const [exporting, setExporting] = useState(null);
  const [exportError, setExportError] = useState(null);
  const [filterPreview, setFilterPreview] = useState(null);
  const uploadClock = useRef(null);

  const api = useMemo(() => (session ? sessionApi(session) : null), [session]);
  const file = files.find((f) => f.fileId === currentFileId) ?? null;

  const startSession = useCallback(async () => {
    setSessionBusy(true);
    try {
      const stored = loadStoredSession();
      if (stored) {
        try {
          const info = await sessionApi(stored).get();
          setSession({ ...stored, expiresAt: info.expiresAt });
          const ready = (info.files ?? []).filter(isReady);
          setFiles(ready);
          setHistory(info.analyses ?? []);
          setCurrentFileId(ready.length ? ready[ready.length - 1].fileId : null);
          const latest = newestFirst(info.analyses ?? [])[0];
          if (latest) {
            sessionApi(stored).analysis(latest.analysisId).then((view) => {
              openAnalysis(view);
              if (ready.some((f) => f.fileId === view.fileId)) setCurrentFileId(view.fileId);
            }, () => {});
          }
          return;
        } catch (e) {
          if (e.status !== 403 && e.status !== 404) throw e;
          setBanner('Your previous session has expired; a new one was started.');
        }
      }
      const created = await createSession();
      storeSession(created);
      setSession({ sessionId: created.sessionId, token: created.token, expiresAt: created.expiresAt });
    } catch (e) {
      setBanner(formatError(e, 'Could not start a session'));
    } finally {
      setSessionBusy(false);
    }
  }, []);

  useEffect(() => { startSession(); }, [startSession]);

  const forget = async () => {
    if (!window.confirm('Delete every file and analysis of this session from the server?')) return;
    setSessionBusy(true);
    try {
      await api.remove();
    } catch (e) {
      if (e.status !== 404) {
        setBanner(formatError(e, 'Could not delete the session'));
        setSessionBusy(false);
        return;
      }
    }
    storeSession(null);
    setSession(null);
    setFiles([]); setUploads([]); setCurrentFileId(null); setAnalysis(null); setHistory([]); setJob(null);
    setBanner('Your data was deleted. A new, empty session has started.');
    startSession();
  };

  // ----- uploads: presigned PUT straight to storage, then `complete` parses it once -----
  const updateUpload = (key, patch) => setUploads((us) => us.map((u) => (u.key === key ? { ...u, ...patch } : u)));
  const uploadOne = async (f, key) => {
    const bad = checkFile(f);
    if (bad) return updateUpload(key, { state: 'error', error: bad });
    try {
      const target = await api.requestUpload(f.name, contentTypeFor(f.name), f.size);
      updateUpload(key, { state: 'uploading', label: '0 %', progress: 0 });
      await putToPresignedUrl(target, f, (p) => updateUpload(key, { progress: p, label: `${Math.round(p * 100)} %` }));
      updateUpload(key, { state: 'reading', label: 'reading…', progress: null });
      const desc = await api.complete(target.fileId);
      updateUpload(key, { state: 'done', label: 'ready' });
      setFiles((fs) => [...fs.filter((x) => x.fileId !== desc.fileId), desc]);
      return desc;
    } catch (e) {
      updateUpload(key, { state: 'error', error: formatError(e, f.name) });
      return null;
    }
  };
  const onFiles = async (list) => {
    if (!api) return;
    uploadClock.current = performance.now();
    const batch = list.map((f, i) => ({ key: `${Date.now()}-${i}-${f.name}`, name: f.name, state: 'queued',
      label: 'waiting', progress: 0 }));
    setUploads((us) => [...batch, ...us].slice(0, 12));
    const done = await Promise.all(list.map((f, i) => uploadOne(f, batch[i].key)));
    const first = done.find(Boolean);
    if (first) selectFile(first);
  };

  const selectFile = (desc) => {
    setCurrentFileId(desc.fileId);
    setSweep(0); setChannel(0); setOverlay([]);
    if (desc.v2FromFileName !== null && desc.v2FromFileName !== undefined) {
      setParams((p) => ({ ...p, v2Mv: String(desc.v2FromFileName) }));
      setV2Source(`V2 ${desc.v2FromFileName} mV was read from the file name.`);
    } else {
      setV2Source(null);
    }
  };

  const deleteFile = async (f) => {
    if (!window.confirm(`Delete ${f.fileName} from this session?`)) return;
    try {
      await api.deleteFile(f.fileId);
      setFiles((fs) => fs.filter((x) => x.fileId !== f.fileId));
      if (currentFileId === f.fileId) setCurrentFileId(null);
    } catch (e) {
      setBanner(formatError(e, `Could not delete ${f.fileName}`));
    }
  };

  // ----- filters: the draft previews live; Apply makes it the chain the analysis uses -----
  const displayChain = previewOn ? draft : applied;
  const onPreview = useCallback((p) => setFilterPreview(p), []);

  // ----- analysis -----
  const errors = validateParams(params);
  const analyze = async () => {
    setRunning(true);
    setAnalysisError(null);
    try {
      const view = await api.analyze({
        fileId: file.fileId, sweep, channel, mode: params.mode, chain: toChainJson(applied),
        params: toRequestParams(params),
        startingPoint: params.startingPoint === 'auto' ? 'auto' : Number(params.startingPoint),
      });
      openAnalysis(view);
      setAnalysisChainKey(JSON.stringify(applied));
      refreshHistory();
    } catch (e) {
      setAnalysisError(formatError(e, 'Analysis'));
    } finally {
      setRunning(false);
    }
  };
  const openAnalysis = (view) => {
    setAnalysis(view);
    const r = view.result;
    // The spans are drawn in purple point indices: desktop-mode ranges are those already; standard-mode ones are
    // ms from the onset, placed at the nearest points of each curve.
    if (!r.ranges?.hyperpol) setRanges(DEFAULT_RANGES);
    else if (modeOf(view) === 'desktop') setRanges({ hyperpol: r.ranges.hyperpol, depol: r.ranges.depol });
    else setRanges({
      hyperpol: r.ranges.hyperpol.map((ms) => indexAtMs(r.purpleHyperpolTimesS, r.hyperpolOnsetS, ms)),
      depol: r.ranges.depol.map((ms) => indexAtMs(r.purpleDepolTimesS, r.depolOnsetS, ms)),
    });
    setIntegrals({ qHyperpolPc: r.qHyperpolPc, qDepolPc: r.qDepolPc, capacitanceNf: r.capacitanceNf, fromRanges: false });
    setFits(NO_FITS);
  };
  const openFromHistory = async (analysisId) => {
    try {
      const view = await api.analysis(analysisId);
      openAnalysis(view);
      setAnalysisChainKey(null);
      if (files.some((f) => f.fileId === view.fileId)) setCurrentFileId(view.fileId);
    } catch (e) {
      setBanner(formatError(e, 'Could not open the analysis'));
    }
  };
  const refreshHistory = useCallback(async () => {
    if (!api) return;
    try {
      const h = await api.analyses();
      setHistory(h.analyses ?? []);
    } catch (e) {
      setBanner(formatError(e, 'Could not load the history'));
    }
  }, [api]);

  // ----- integrals follow the dragged ranges: debounced, latest answer wins -----
  const integralsCall = useMemo(() => latestOnly(
    (id, body) => api.integrals(id, body),
    (res) => { setIntegrals({ ...res, fromRanges: true }); setIntegralsBusy(false); },
    (e) => { setIntegralsBusy(false); setAnalysisError(formatError(e, 'Integrals')); },
  ), [api]);
  const rangesTimer = useRef(null);
  const onRanges = (next) => {
    setRanges(next);
    setIntegralsBusy(true);
    clearTimeout(rangesTimer.current);
    rangesTimer.current = setTimeout(() => {
      const r = analysis.result;
      const body = modeOf(analysis) === 'standard'
        ? { hyperpol: next.hyperpol.map((i) => msFromOnset(r.purpleHyperpolTimesS, r.hyperpolOnsetS, i)),
          depol: next.depol.map((i) => msFromOnset(r.purpleDepolTimesS, r.depolOnsetS, i)) }
        : next;
      integralsCall(analysis.analysisId, body);
    }, 120);
  };

  // ----- fits: two clicks → the fits endpoint; undo/redo per curve -----
  const onFit = async (curve, model, shownFrom, shownTo) => {
    setFitError(null);
    // Long standard-mode curves are shown decimated; the fits endpoint takes indices of the full curve.
    const full = analysis.displayIndices?.[curve === 'hyperpol' ? 'purpleHyperpol' : 'purpleDepol'];
    const from = full ? full[shownFrom] : shownFrom;
    const to = full ? full[shownTo] : shownTo;
    try {
      const response = await api.fit(analysis.analysisId, { curve, model, from, to });
      setFits((fs) => ({ ...fs, [curve]: { stack: [...fs[curve].stack, { model, from, to, response }], redo: [] } }));
    } catch (e) {
      setFitError(formatError(e, 'Fit'));
    }
  };
  const undo = (curve) => setFits((fs) => {
    const { stack, redo } = fs[curve];
    return stack.length ? { ...fs, [curve]: { stack: stack.slice(0, -1), redo: [...redo, stack[stack.length - 1]] } } : fs;
  });
  const redo = (curve) => setFits((fs) => {
    const { stack, redo: r } = fs[curve];
    return r.length ? { ...fs, [curve]: { stack: [...stack, r[r.length - 1]], redo: r.slice(0, -1) } } : fs;
  });
  const clearFits = (curve) => setFits((fs) => ({ ...fs, [curve]: { stack: [], redo: [] } }));

  // ----- exports and batch -----
  const exportAs = async (layout) => {
    const ids = historySelected.length ? historySelected : analysis ? [analysis.analysisId] : [];
    if (!ids.length) return;
    setExporting(layout);
    setExportError(null);
    try {
      const res = await api.exportAnalyses(ids, layout);
      download(res.url, res.fileName);
    } catch (e) {
      setExportError(formatError(e, 'Export'));
    } finally {
      setExporting(null);
    }
  };
  const startBatch = async () => {
    try {
      const res = await api.startJob({
        kind: 'batch', fileIds: batchSelected, mode: params.mode, chain: toChainJson(applied),
        params: toRequestParams(params),
        startingPoint: params.startingPoint === 'auto' ? 'auto' : Number(params.startingPoint), layout: 'lab-sets',
      });
      setJob({ ...res, done: 0, total: batchSelected.length });
    } catch (e) {
      setJob({ status: 'failed', message: formatError(e, 'Batch') });
    }
  };
  useEffect(() => {
    if (!job?.jobId || !(job.status === 'queued' || job.status === 'running')) return undefined;
    const t = setTimeout(async () => {
      try {
        setJob(await api.job(job.jobId));
      } catch (e) {
        setJob((j) => ({ ...j, status: 'failed', message: formatError(e, 'Batch') }));
      }
    }, 1000);
    return () => clearTimeout(t);
  }, [job, api]);
  useEffect(() => { if (job?.status === 'done') refreshHistory(); }, [job?.status, refreshHistory]);

  const stale = analysis && analysisChainKey !== null && analysisChainKey !== JSON.stringify(applied);
  const analysisOfFile = analysis && file && analysis.fileId === file.fileId ? analysis : null;

  return (
    <div className="app">
      <a className="skip" href="#main">Skip to the plot</a>
      <SessionBar session={session} busy={sessionBusy} onForget={forget} />
      {banner && (
        <div className="banner" role="status">
          <span>{banner}</span>
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => setBanner(null)}>×</button>
        </div>
      )}
      <div className="workspace">
        <aside className="sidebar" aria-label="Controls">
          <FilesPanel files={files} uploads={uploads} currentFileId={currentFileId} onFiles={onFiles}
            onSelect={(id) => selectFile(files.find((f) => f.fileId === id))} onDelete={deleteFile} />
          <FiltersPanel draft={draft} applied={applied} preview={filterPreview} previewOn={previewOn}
            onDraft={setDraft} onPreviewOn={setPreviewOn} disabled={!file}
            onApply={() => setApplied(draft)} onReset={() => { setDraft(RAW); setApplied(RAW); }} />
          <AnalysisPanel params={params} errors={errors} v2Source={v2Source}
            onChange={(p) => { setParams(p); if (p.v2Mv !== params.v2Mv) setV2Source(null); }}
            onAnalyze={analyze} running={running} disabled={!file} stale={stale} />
          <CurvesPanel curves={curves} onChange={setCurves} />
          <HistoryPanel analyses={newestFirst(history)} currentId={analysis?.analysisId} selected={historySelected}
            onSelected={setHistorySelected} onOpen={openFromHistory} onRefresh={refreshHistory} />
          <BatchPanel files={files} selected={batchSelected} onSelected={setBatchSelected} job={job}
            onStart={startBatch} onDownload={(e) => download(e.url, e.fileName)} disabled={!api} />
        </aside>
        <main className="main" id="main" tabIndex={-1}>
          {file ? (
            <RecordingPlot api={api} file={file} sweep={sweep} channel={channel} overlay={overlay}
              onSweep={setSweep} onChannel={setChannel} onOverlay={setOverlay} chain={displayChain}
              onPreview={onPreview} analysis={analysisOfFile} curves={curves} uploadClock={uploadClock} />
          ) : (
            <section className="card empty" data-testid="empty">
              <h2>Start with a recording</h2>
              <p>Drop an Axon ATF or ABF file (or a CSV) on the <strong>Recordings</strong> panel. It goes straight
                to storage; the plot appears as soon as it has been read.</p>
            </section>
          )}
          {(analysis || running || analysisError) && (
            <Results analysis={analysis} integrals={integrals} busy={integralsBusy} running={running}
              error={analysisError} ranges={ranges} onExport={exportAs} exporting={exporting}
              exportError={exportError} exportCount={historySelected.length || 1} />
          )}
          {analysis && (
            <section className="card" aria-label="Purple curves">
              <h2 className="card-title">Integration ranges and fits</h2>
              <p className="muted small">Drag a shaded span (or its edges, or the sliders) to change what is
                integrated; it snaps to every 5th point. For a fit, choose Linear or Exp and click two points.</p>
              {fitError && <p className="error" role="alert">{fitError}</p>}
              <PurpleCurves result={analysis.result} ranges={ranges} onRanges={onRanges} fits={fits} onFit={onFit}
                onUndo={undo} onRedo={redo} onClear={clearFits} busy={running} />
            </section>
          )}
        </main>
      </div>
    </div>
  );
}

function newestFirst(analyses) {
  return [...analyses].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
}

function modeOf(view) {
  return view.result?.mode ?? view.summary?.mode ?? 'desktop';
}

/** A file whose upload was never completed has no recording to show (status "awaiting_upload"). */
function isReady(f) {
  return !f.status || f.status === 'ready';
}

/** The point of a curve nearest to `ms` after the step onset (the curve may start a little before it). */
function indexAtMs(times, onsetS, ms) {
  const onset = onsetS ?? times[0];
  return nearestIndex(times.map((t) => (t - onset) * 1000), ms);
}

/** Standard mode takes ranges as ms from the step onset; the curve's own times convert a point index to that. */
function msFromOnset(times, onsetS, index) {
  const i = Math.min(Math.max(index, 0), times.length - 1);
  return (times[i] - (onsetS ?? times[0])) * 1000;
}
