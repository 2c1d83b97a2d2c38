// Charge–voltage sets (docs/api.md, charge-voltage): which files to send, the request bodies, the exclusions with
// undo/redo, and the fit's numbers as the page writes them. The science (grouping, fitting) is the API's: this
// module only reads what the API reports (each file's setFromFileName / setVoltageFromFileName, the view).
import { fmt } from './format.js';

const ready = (f) => !f.status || f.status === 'ready';
const numeric = (s) => /^\d{1,9}$/.test(s);
const setOrder = (a, b) =>
  numeric(a) && numeric(b) ? Number(a) - Number(b) : numeric(a) ? -1 : numeric(b) ? 1 : a.localeCompare(b);

/** The sets the file names tell (as the API reads them), each with its ready files: [{set, fileIds}]. */
export function setsOfFiles(files) {
  const sets = new Map();
  for (const f of files) {
    if (!ready(f) || f.setFromFileName == null) continue;
    if (!sets.has(f.setFromFileName)) sets.set(f.setFromFileName, []);
    sets.get(f.setFromFileName).push(f.fileId);
  }
  return [...sets.keys()].sort(setOrder).map((set) => ({ set, fileIds: sets.get(set) }));
}

/** Whether the call needs an assignment for this file: its name tells no set or no voltage. */
export const needsAssignment = (f) => f.setFromFileName == null || f.setVoltageFromFileName == null;

/** The `assignments` of the request: only the chosen files' filled boxes ({fileId: {set?, voltageMv?}}). */
export function assignmentsFor(fileIds, boxes) {
  const out = {};
  for (const id of fileIds) {
    const b = boxes[id];
    if (!b) continue;
    const a = {};
    if (b.set !== undefined && String(b.set).trim() !== '') a.set = String(b.set).trim();
    if (b.voltageMv !== undefined && String(b.voltageMv).trim() !== '' && Number.isFinite(Number(b.voltageMv))) {
      a.voltageMv = Number(b.voltageMv);
    }
    if (Object.keys(a).length) out[id] = a;
  }
  return out;
}

/** The chosen files whose set or voltage is still unknown (neither the name nor a box tells it), by name. */
export function missingAssignments(fileIds, files, boxes) {
  const given = assignmentsFor(fileIds, boxes);
  return fileIds
    .map((id) => files.find((f) => f.fileId === id))
    .filter(Boolean)
    .filter(
      (f) =>
        (f.setFromFileName == null && given[f.fileId]?.set === undefined) ||
        (f.setVoltageFromFileName == null && given[f.fileId]?.voltageMv === undefined),
    )
    .map((f) => f.fileName);
}

/**
 * The body of POST .../charge-voltage (or of a charge-voltage job) for the chosen files. `settings` is a process
 * body as the panels build it; its v2Mv is left out (each file runs at its own voltage) and so is its mode unless
 * one is chosen here (the API's default for sets is its own).
 */
export function runBody(fileIds, boxes, settings, mode) {
  const { v2Mv: _v2, ...params } = settings.params ?? {};
  const body = { fileIds: [...fileIds], params };
  if (settings.chain) body.chain = settings.chain;
  if (mode) {
    body.mode = mode;
    if (settings.mode === mode && settings.startingPoint !== undefined) body.startingPoint = settings.startingPoint;
  }
  const assignments = assignmentsFor(fileIds, boxes);
  if (Object.keys(assignments).length) body.assignments = assignments;
  return body;
}

/** Whether this many files is more than one call takes (the API's limit, from /api/config): then a job. */
export const runsAsJob = (count, limits) => count > limits.maxFilesPerCall;

/** The body that refits a shown view without analysing again: its analyses, the same assignments, `excluded`. */
export function refitBody(view, boxes, excluded) {
  const fileIds = Object.keys(view.analysisIds);
  const body = { analysisIds: fileIds.map((id) => view.analysisIds[id]) };
  const assignments = assignmentsFor(fileIds, boxes);
  if (Object.keys(assignments).length) body.assignments = assignments;
  if (excluded.length) body.excluded = [...excluded];
  return body;
}

/** The export body for one set: its analyses; lab-sets also gets the set number of files whose name tells none. */
export function exportBody(view, set, layout) {
  const ids = set.points.map((p) => view.analysisIds[p.id]).filter(Boolean);
  const body = { analysisIds: ids, layout };
  if (layout === 'lab-sets' && numeric(set.set)) body.sets = Object.fromEntries(ids.map((id) => [id, Number(set.set)]));
  return body;
}

// The excluded points (file ids) of the view on screen, with undo/redo of every toggle.
export const NO_EXCLUSIONS = { excluded: [], undo: [], redo: [] };

export function exclusionReducer(state, action) {
  switch (action.type) {
    case 'load':
      return { excluded: [...(action.excluded ?? [])], undo: [], redo: [] };
    case 'toggle': {
      const excluded = state.excluded.includes(action.id)
        ? state.excluded.filter((x) => x !== action.id)
        : [...state.excluded, action.id];
      return { excluded, undo: [...state.undo, state.excluded], redo: [] };
    }
    case 'undo':
      if (!state.undo.length) return state;
      return { excluded: state.undo.at(-1), undo: state.undo.slice(0, -1), redo: [...state.redo, state.excluded] };
    case 'redo':
      if (!state.redo.length) return state;
      return { excluded: state.redo.at(-1), undo: [...state.undo, state.excluded], redo: state.redo.slice(0, -1) };
    default:
      throw new Error(`unknown exclusion action ${action.type}`);
  }
}

/** The excluded file ids a view reports (what the API fitted without). */
export const excludedOf = (view) => view.sets.flatMap((s) => s.points.filter((p) => p.excluded).map((p) => p.id));

const PARAMETERS = [
  ['qMaxPc', 'Qmax', 'pC'],
  ['vHalfMv', 'V½', 'mV'],
  ['slopeMv', 'k', 'mV'],
];

/** "[-28.1, -25.9]": a 95 % interval written like the page writes every number (lib/format.js). */
export function fmtInterval([lo, hi], digits = 4) {
  return `[${fmt(lo, digits)}, ${fmt(hi, digits)}]`;
}

/** The rows of the fit table: name, unit, value, SE and 95 % CI as written, plus the raw value for tests. */
export function fitRows(boltzmann) {
  if (!boltzmann) return [];
  return PARAMETERS.map(([key, label, unit]) => ({
    key,
    label,
    unit,
    raw: boltzmann[key],
    value: fmt(boltzmann[key]),
    se: fmt(boltzmann.standardErrors?.[key], 2),
    ci: boltzmann.ci95?.[key] ? fmtInterval(boltzmann.ci95[key]) : '—',
  }));
}
