// The filter catalogue as the panel shows it: each filter's parameters with the desktop's ranges and defaults
// (spec §2), and the JSON step of shared-dsp's FilterChain (snake_case keys, unknown keys refused). Only
// descriptions live here; filtering is the API's.

export const FILTERS = {
  savgol: {
    label: 'Savitzky–Golay',
    params: [
      { key: 'window', label: 'Window (points)', kind: 'int', min: 5, max: 1001, step: 2, def: 51,
        hint: 'An even window is raised by 1.' },
      { key: 'polyorder', label: 'Polynomial order', kind: 'int', min: 2, max: 5, step: 1, def: 3 },
      { key: 'mode', label: 'Edges', kind: 'choice', options: ['interp', 'mirror', 'nearest', 'constant', 'wrap'], def: 'interp' },
    ],
  },
  wavelet: {
    label: 'Wavelet denoising',
    params: [
      { key: 'wavelet', label: 'Family', kind: 'choice', options: ['db4', 'sym4', 'coif3'], def: 'db4' },
      { key: 'level', label: 'Level', kind: 'int', min: 1, max: 10, step: 1, def: 4 },
      { key: 'threshold_mode', label: 'Threshold', kind: 'choice', options: ['soft', 'hard'], def: 'soft' },
      { key: 'sigma', label: 'Noise σ rule', kind: 'choice', options: ['mad', 'median_abs'], def: 'mad',
        labels: { mad: 'MAD (desktop)', median_abs: 'median |d| (Donoho)' } },
    ],
  },
  butterworth: {
    label: 'Butterworth low-pass',
    params: [
      { key: 'order', label: 'Order', kind: 'int', min: 1, max: 10, step: 1, def: 5 },
      { key: 'cutoffUnit', label: 'Cutoff given as', kind: 'choice', options: ['nyquist', 'hz'], def: 'nyquist',
        labels: { nyquist: 'fraction of Nyquist', hz: 'Hz' } },
      { key: 'cutoff', label: 'Cutoff', kind: 'number', min: 0.01, max: 1e6, step: 0.01, def: 0.1 },
      { key: 'application', label: 'Application', kind: 'choice',
        options: ['desktop', 'sosfiltfilt', 'filtfilt', 'sosfilt', 'lfilter'], def: 'desktop',
        labels: { desktop: 'zero-phase, desktop (no padding)', sosfiltfilt: 'zero-phase, SciPy sosfiltfilt',
          filtfilt: 'zero-phase, SciPy filtfilt', sosfilt: 'forward only (sosfilt)', lfilter: 'forward only (lfilter)' } },
    ],
  },
  extract_add: {
    label: 'Extract–add',
    params: [
      { key: 'prominence', label: 'Prominence (pA)', kind: 'number', min: 50, max: 500, step: 10, def: 200 },
      { key: 'widthMin', label: 'Width min (points)', kind: 'int', min: 1, max: 20, step: 1, def: 1 },
      { key: 'widthMax', label: 'Width max (points)', kind: 'int', min: 21, max: 100, step: 1, def: 50 },
    ],
  },
  fft: {
    label: 'FFT threshold',
    params: [
      { key: 'threshold', label: 'Keep bins ≥ fraction of max', kind: 'number', min: 0, max: 1, step: 0.01, def: 0.2 },
      { key: 'min_hz', label: 'Band from (Hz, empty = none)', kind: 'optnumber', min: 0, step: 1, def: '' },
      { key: 'max_hz', label: 'Band to (Hz, empty = none)', kind: 'optnumber', min: 0, step: 1, def: '' },
    ],
  },
};

/** The two presets of the filters issue, shown as the steps they stand for; sent by name. */
export const PRESETS = {
  raw: { label: 'Raw (no filter)', steps: [] },
  'gui-default': {
    label: 'Desktop GUI default',
    steps: [
      { type: 'savgol', window: 51, polyorder: 3, mode: 'interp' },
      { type: 'butterworth', order: 5, cutoffUnit: 'nyquist', cutoff: 0.1, application: 'desktop' },
    ],
  },
  batch: {
    label: 'Batch (multi-file)',
    steps: [
      { type: 'savgol', window: 101, polyorder: 3, mode: 'interp' },
      { type: 'butterworth', order: 2, cutoffUnit: 'hz', cutoff: 2000, application: 'desktop' },
    ],
  },
};

let nextId = 1;

export function newStep(type) {
  const step = { id: nextId++, type };
  for (const p of FILTERS[type].params) step[p.key] = p.def;
  return step;
}

export function stepsOfPreset(name) {
  return PRESETS[name].steps.map((s) => ({ ...s, id: nextId++ }));
}

/** Moves step `index` by `delta` (−1 up, +1 down); returns a new array. */
export function move(steps, index, delta) {
  const to = index + delta;
  if (to < 0 || to >= steps.length) return steps;
  const copy = steps.slice();
  [copy[index], copy[to]] = [copy[to], copy[index]];
  return copy;
}

/** The step's parameters that the JSON names differently from the form (Butterworth cutoff, extract–add widths). */
const SPECIAL = {
  butterworth: (step, out) => {
    delete out.cutoffUnit;
    delete out.cutoff;
    out.btype = 'lowpass';
    if (step.cutoffUnit === 'hz') out.cutoff_hz = Number(step.cutoff);
    else out.wn = Number(step.cutoff);
  },
  extract_add: (step, out) => {
    delete out.widthMin;
    delete out.widthMax;
    out.width_range = [Number(step.widthMin), Number(step.widthMax)];
  },
};

/** The FilterChain JSON of docs/api.md for a chain state {preset} or {steps, desktopOrder}. */
export function toChainJson(chain) {
  if (chain.preset) return { preset: chain.preset };
  return {
    steps: chain.steps.map((step) => {
      const out = { type: step.type };
      for (const p of FILTERS[step.type].params) {
        const v = step[p.key];
        if (p.kind === 'optnumber') {
          if (v !== '' && v !== null && v !== undefined) out[p.key] = Number(v);
        } else if (p.kind === 'int' || p.kind === 'number') {
          out[p.key] = Number(v);
        } else {
          out[p.key] = v;
        }
      }
      SPECIAL[step.type]?.(step, out);
      return out;
    }),
    desktop_order: !!chain.desktopOrder,
  };
}

/** A one-line description of a chain for headers and history. */
export function describeChain(chain) {
  if (chain.preset) return PRESETS[chain.preset]?.label ?? chain.preset;
  if (!chain.steps.length) return 'Raw (no filter)';
  return chain.steps.map((s) => FILTERS[s.type].label).join(' → ');
}
