import { useCallback, useRef, useState } from 'react';
import { download } from '../lib/api.js';
import {
  NO_EXCLUSIONS,
  exclusionReducer,
  excludedOf,
  exportBody,
  refitBody,
  runBody,
  runsAsJob,
} from '../lib/chargeVoltage.js';
import { formatError } from '../lib/errors.js';
import { useJobPolling } from './useJobPolling.js';

/**
 * The charge–voltage set view: the chosen files (and the set and voltage typed for names that tell none), one run
 * (a call, or a job when the API's per-call limit is passed), the view it answered, and the points excluded from
 * the fit with undo/redo (each change refits the stored analyses; nothing is analysed again).
 */
export function useChargeVoltage(config, api, onAnalysed) {
  const [selected, setSelected] = useState([]);
  const [boxes, setBoxes] = useState({});
  const [mode, setMode] = useState('');
  const [view, setView] = useState(null);
  const [job, setJob] = useState(null);
  const [running, setRunning] = useState(false);
  const [refitting, setRefitting] = useState(false);
  const [error, setError] = useState(null);
  const [exclusions, setExclusions] = useState(NO_EXCLUSIONS);
  const [exporting, setExporting] = useState(null);
  // The refit that answers last is the one asked last: an earlier answer that comes late is dropped.
  const refitSeq = useRef(0);
  // A refit keeps the assignments the set ran with, whatever the boxes show since.
  const ranWith = useRef({});

  const shown = useCallback((v) => {
    setView(v);
    setExclusions(exclusionReducer(NO_EXCLUSIONS, { type: 'load', excluded: excludedOf(v) }));
  }, []);

  const run = async (settings) => {
    const body = runBody(selected, boxes, settings, mode);
    ranWith.current = boxes;
    setRunning(true);
    setError(null);
    setJob(null);
    try {
      if (runsAsJob(selected.length, config.chargeVoltage)) {
        const res = await api.startJob({ kind: 'charge-voltage', ...body });
        setJob({ ...res, status: res.status ?? 'queued', done: 0, total: selected.length });
        return;
      }
      shown(await api.chargeVoltage(body));
      onAnalysed?.();
    } catch (e) {
      setError(formatError(e, 'Charge–voltage'));
    }
    setRunning(false);
  };

  // A job is polled until it ends; then its view is read once.
  const ended = useCallback(
    async (next, jobId) => {
      if (next.status === 'done') {
        shown(await api.chargeVoltageResult(jobId));
        onAnalysed?.();
        setRunning(false);
      } else if (next.status === 'failed') {
        setError(`Charge–voltage: ${next.message || 'the job failed.'}`);
        setRunning(false);
      }
    },
    [api, shown, onAnalysed],
  );
  const unreadable = useCallback((e) => {
    setError(formatError(e, 'Charge–voltage'));
    setRunning(false);
  }, []);
  useJobPolling(api, job, setJob, ended, unreadable);

  const changeExclusions = async (action) => {
    if (!view) return;
    const next = exclusionReducer(exclusions, action);
    if (next === exclusions) return;
    setExclusions(next);
    const seq = ++refitSeq.current;
    setRefitting(true);
    setError(null);
    try {
      const v = await api.chargeVoltage(refitBody(view, ranWith.current, next.excluded));
      if (seq === refitSeq.current) setView(v);
    } catch (e) {
      if (seq === refitSeq.current) {
        setError(formatError(e, 'Refit'));
        setExclusions(exclusions);
      }
    } finally {
      if (seq === refitSeq.current) setRefitting(false);
    }
  };

  const exportSet = async (set, layout) => {
    setExporting(`${set.set}/${layout}`);
    setError(null);
    try {
      const b = exportBody(view, set, layout);
      const res = await api.exportAnalyses(b.analysisIds, b.layout, b.sets ?? null);
      download(res.url, res.fileName);
    } catch (e) {
      setError(formatError(e, 'Export'));
    } finally {
      setExporting(null);
    }
  };

  const reset = () => {
    setSelected([]);
    setBoxes({});
    setView(null);
    setJob(null);
    setRunning(false);
    setError(null);
    setExclusions(NO_EXCLUSIONS);
  };

  return {
    selected,
    setSelected,
    boxes,
    setBoxes,
    mode,
    setMode,
    view,
    job,
    running,
    refitting,
    error,
    exclusions,
    toggle: (id) => changeExclusions({ type: 'toggle', id }),
    undo: () => changeExclusions({ type: 'undo' }),
    redo: () => changeExclusions({ type: 'redo' }),
    run,
    exportSet,
    exporting,
    reset,
  };
}
