// The one request builder: the analysis request is made from exactly what the panels show, and a stored request
// (History, reload) is turned back into panel states. Defaults and rules come from GET /api/config.
import { chainJson, chainErrors, panelFromChain } from './chain.js';
import { checkValue, toFormValue } from './rules.js';

/** The analysis panel's state with the API's defaults: every value as the form holds it (text). */
export function defaultAnalysisPanel(config) {
  const d = config.analysis.defaults;
  const params = Object.fromEntries(Object.entries(d.params).map(([k, v]) => [k, toFormValue(v)]));
  return { mode: d.mode, params, startingPoint: startingPointPanel(config, d.startingPoint) };
}

/** {auto, value}: the radio and the value box of the starting point. */
export function startingPointPanel(config, requested) {
  const fallback = String(modeRules(config, 'desktop')?.startingPoint?.fallback ?? '');
  if (requested === 'auto' || requested === null || requested === undefined) return { auto: true, value: fallback };
  return { auto: false, value: String(requested) };
}

export function modeRules(config, mode) {
  return config.analysis.modes.find((m) => m.mode === mode) ?? null;
}

/** Whether the mode has a starting point at all (standard mode has none). */
export function hasStartingPoint(config, mode) {
  return !!modeRules(config, mode)?.startingPoint;
}

/** Field → message for the protocol parameters and the starting point. */
export function analysisErrors(config, panel) {
  const errors = {};
  for (const rule of config.analysis.parameters) {
    if (rule.name === 'startingPoint') {
      if (hasStartingPoint(config, panel.mode) && !panel.startingPoint.auto) {
        const e = checkValue({ ...rule, nullable: false }, panel.startingPoint.value, 'Starting point');
        if (e) errors.startingPoint = e;
      }
    } else {
      const e = checkValue(rule, panel.params[rule.name], PARAM_LABELS[rule.name] ?? rule.name);
      if (e) errors[rule.name] = e;
    }
  }
  return errors;
}

export const PARAM_LABELS = {
  nCycles: 'Cycles (n)',
  t0Ms: 't0',
  t1Ms: 't1',
  t2Ms: 't2',
  v0Mv: 'V0',
  v1Mv: 'V1',
  v2Mv: 'V2',
};

/** The starting point as sent: "auto" or the index. */
export function startingPointValue(panel) {
  return panel.startingPoint.auto ? 'auto' : Number(panel.startingPoint.value);
}

/**
 * POST /analyses body for the recording on screen, from what the panels show. The filter is the panel's (the
 * same chain the preview draws); nothing else (no "applied" copy) can be sent.
 */
export function buildAnalysisRequest(config, { fileId, sweep, channel, analysis, filter }) {
  const params = {};
  for (const rule of config.analysis.parameters) {
    if (rule.name !== 'startingPoint') params[rule.name] = Number(analysis.params[rule.name]);
  }
  const body = { fileId, sweep, channel, mode: analysis.mode, chain: chainJson(config, filter), params };
  body.startingPoint = hasStartingPoint(config, analysis.mode) ? startingPointValue(analysis) : 'auto';
  return body;
}

/** Everything that stops Analyze, in words ({} when it can run). */
export function requestErrors(config, { analysis, filter }) {
  return { ...analysisErrors(config, analysis), ...chainErrors(config, filter) };
}

/** The panels a stored request (AnalysisView.request) stands for: mode, filter, params and starting point. */
export function panelsFromRequest(config, request) {
  const analysis = defaultAnalysisPanel(config);
  if (!request) return { analysis, filter: panelFromChain(config, null) };
  analysis.mode = request.mode ?? analysis.mode;
  for (const [k, v] of Object.entries(request.params ?? {})) analysis.params[k] = toFormValue(v);
  analysis.startingPoint = startingPointPanel(config, request.startingPoint);
  return { analysis, filter: panelFromChain(config, request.chain) };
}
