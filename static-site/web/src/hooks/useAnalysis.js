import { useCallback, useMemo, useState } from 'react';
import { formatError } from '../lib/errors.js';
import { adjustmentsBody, fitsReducer } from '../lib/fits.js';
import { newestFirst } from '../lib/history.js';
import { buildAnalysisRequest, defaultAnalysisPanel, panelsFromRequest, requestErrors } from '../lib/request.js';
import { serialLatest } from '../lib/serial.js';
import { presetPanel } from '../lib/chain.js';
import { useFits } from './useFits.js';

const rangesOf = (view) => {
  const r = view?.result?.ranges;
  return r?.hyperpol ? { hyperpol: r.hyperpol, depol: r.depol } : null;
};

/**
 * The filter and analysis panels, the analysis on screen with its adjustments (ranges and fits, stored with the
 * analysis so every export carries them), and the session's history. One request builder: Analyze sends exactly
 * what the panels show. The analysis and its error belong to one recording: they are dropped when it changes.
 */
export function useAnalysis(config, api, { file, sweep, channel, onAnalyzed }) {
  const [filter, setFilter] = useState(() => presetPanel(config, config.filter.defaultPreset));
  const [panel, setPanel] = useState(() => defaultAnalysisPanel(config));
  const [v2Source, setV2Source] = useState(null);
  const [view, setView] = useState(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState(null);
  const [history, setHistory] = useState([]);
  const [ranges, setRanges] = useState(null);
  const [fits, dispatchFits] = useFits();
  const [saving, setSaving] = useState(false);
  const [adjustError, setAdjustError] = useState(null);

  const request = useMemo(
    () =>
      file ? buildAnalysisRequest(config, { fileId: file.fileId, sweep, channel, analysis: panel, filter }) : null,
    [config, file, sweep, channel, panel, filter],
  );
  const errors = useMemo(() => requestErrors(config, { analysis: panel, filter }), [config, panel, filter]);

  const show = useCallback(
    (v, { restorePanels }) => {
      setView(v);
      setError(null);
      setAdjustError(null);
      setRanges(rangesOf(v));
      dispatchFits({ type: 'load', fits: v.adjustments?.fits ?? [] });
      if (restorePanels) {
        const p = panelsFromRequest(config, v.request);
        setPanel(p.analysis);
        setFilter(p.filter);
        setV2Source(null);
      }
    },
    [config, dispatchFits],
  );

  /** Forgets the analysis on screen (another recording was chosen, the file was deleted, the session forgotten). */
  const clear = useCallback(() => {
    setView(null);
    setError(null);
    setAdjustError(null);
    setRanges(null);
    dispatchFits({ type: 'load', fits: [] });
  }, [dispatchFits]);

  /** The panels as a new session starts them (the API's defaults). */
  const resetPanels = useCallback(() => {
    setFilter(presetPanel(config, config.filter.defaultPreset));
    setPanel(defaultAnalysisPanel(config));
    setV2Source(null);
  }, [config]);

  /** A newly chosen recording: its name may tell V2 (config.analysis.v2FromFileName). */
  const recordingChosen = useCallback(
    (desc) => {
      clear();
      if (config.analysis.v2FromFileName && desc?.v2FromFileName !== null && desc?.v2FromFileName !== undefined) {
        setPanel((p) => ({ ...p, params: { ...p.params, v2Mv: String(desc.v2FromFileName) } }));
        setV2Source(`V2 ${desc.v2FromFileName} mV was read from the file name.`);
      } else {
        setV2Source(null);
      }
    },
    [clear, config],
  );

  const refreshHistory = useCallback(async () => {
    if (!api) return;
    try {
      const h = await api.analyses();
      setHistory(h.analyses ?? []);
    } catch (e) {
      setError({ fileId: null, message: formatError(e, 'Could not load the history') });
    }
  }, [api]);

  const analyze = async () => {
    const fileId = request.fileId;
    setRunning(true);
    setError(null);
    setView(null);
    try {
      const v = await api.analyze(request);
      show(v, { restorePanels: false });
      refreshHistory();
      onAnalyzed?.(v);
    } catch (e) {
      // A refused analysis leaves nothing of an earlier one on screen; its message sits with its recording.
      clear();
      setError({ fileId, message: formatError(e, 'Analysis') });
    } finally {
      setRunning(false);
    }
  };

  /** Opens a stored analysis (History, reload): its numbers and the panels it ran with. */
  const open = useCallback(
    async (analysisId) => {
      const v = await api.analysis(analysisId);
      show(v, { restorePanels: true });
      return v;
    },
    [api, show],
  );

  const save = useMemo(
    () =>
      api
        ? serialLatest(
            (id, body) => api.adjust(id, body),
            (v) => {
              setView((cur) => (cur && cur.analysisId === v.analysisId ? v : cur));
              setSaving(false);
            },
            (e) => {
              setSaving(false);
              setAdjustError(formatError(e, 'The change was not kept'));
            },
          )
        : null,
    [api],
  );

  const adjust = (nextRanges, nextFits) => {
    setAdjustError(null);
    setSaving(true);
    save(view.analysisId, adjustmentsBody(nextRanges, nextFits));
  };
  const changeRanges = (next) => {
    setRanges(next);
    adjust(next, fits);
  };
  const changeFits = (action) => {
    const next = fitsReducer(fits, action);
    if (next === fits) return;
    dispatchFits(action);
    adjust(ranges, next);
  };
  /** Resolves when every change has been stored (an export must carry the last one). */
  const settled = useCallback(() => (save ? save.idle() : Promise.resolve()), [save]);

  const viewOfFile = view && file && view.fileId === file.fileId ? view : null;
  const errorOfFile = error && (error.fileId === null || error.fileId === file?.fileId) ? error.message : null;
  const reproduced = useMemo(() => {
    if (!viewOfFile?.request) return null;
    const p = panelsFromRequest(config, viewOfFile.request);
    return JSON.stringify(
      buildAnalysisRequest(config, {
        fileId: viewOfFile.fileId,
        sweep,
        channel,
        analysis: p.analysis,
        filter: p.filter,
      }),
    );
  }, [config, viewOfFile, sweep, channel]);
  const changed = !!viewOfFile && reproduced !== null && reproduced !== JSON.stringify(request);

  return {
    filter,
    setFilter,
    panel,
    setPanel,
    v2Source,
    setV2Source,
    request,
    errors,
    analyze,
    running,
    view: viewOfFile,
    error: errorOfFile,
    changed,
    history: newestFirst(history),
    setHistory,
    refreshHistory,
    open,
    clear,
    resetPanels,
    recordingChosen,
    ranges,
    changeRanges,
    fits,
    changeFits,
    saving,
    adjustError,
    settled,
  };
}
