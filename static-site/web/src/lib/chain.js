// The filter panel's state and the FilterChain JSON of docs/api.md. The panel state is
// {preset: name | null, steps: [{id, type, <param>: formValue}], desktopOrder}: a preset shows its steps written
// out (from GET /api/config) and is sent by name; editing anything makes it a custom chain sent as steps. The
// same JSON goes to the preview and to the analysis, so what the plot shows is what Analyze runs.
import { checkValue, toFormValue, toJsonValue } from './rules.js';

let nextId = 1;

export function stepRules(config, type) {
  return config.filter.steps.find((s) => s.type === type)?.parameters ?? [];
}

export function stepTypes(config) {
  return config.filter.steps.map((s) => s.type);
}

function stepFromJson(config, json) {
  const step = { id: nextId++, type: json.type };
  for (const rule of stepRules(config, json.type)) step[rule.name] = toFormValue(json[rule.name]);
  return step;
}

/** A new step of `type` with the API's defaults. */
export function newStep(config, type) {
  const json = { type };
  for (const rule of stepRules(config, type)) json[rule.name] = rule.default;
  return stepFromJson(config, json);
}

/** The panel state of a preset, its steps written out as the API defines them. */
export function presetPanel(config, name) {
  const chain = config.filter.presets[name];
  return { preset: name, steps: chain.steps.map((s) => stepFromJson(config, s)), desktopOrder: !!chain.desktop_order };
}

/** The FilterChain JSON the panel stands for. */
export function chainJson(config, panel) {
  if (panel.preset) return { preset: panel.preset };
  return {
    steps: panel.steps.map((step) => {
      const out = { type: step.type };
      for (const rule of stepRules(config, step.type)) {
        const v = toJsonValue(rule, step[rule.name]);
        if (v !== undefined) out[rule.name] = v;
      }
      return out;
    }),
    desktop_order: !!panel.desktopOrder,
  };
}

const canonical = (config, chain) => JSON.stringify(chainJson(config, panelFromChain(config, chain, false)));

/**
 * The panel state of a FilterChain JSON (a request being restored): a preset by name, or steps that equal a
 * preset's steps (the API writes every step out) are shown as that preset; anything else is a custom chain.
 */
export function panelFromChain(config, chain, matchPresets = true) {
  if (!chain) return presetPanel(config, config.filter.defaultPreset);
  if (chain.preset) return presetPanel(config, chain.preset);
  const panel = {
    preset: null,
    steps: (chain.steps ?? []).map((s) => stepFromJson(config, s)),
    desktopOrder: !!chain.desktop_order,
  };
  if (matchPresets) {
    const mine = canonical(config, chain);
    for (const name of Object.keys(config.filter.presets)) {
      if (canonical(config, config.filter.presets[name]) === mine) return presetPanel(config, name);
    }
  }
  return panel;
}

/** The panel after editing: any change makes the chain custom (it no longer is the preset by name). */
export function editSteps(panel, steps, desktopOrder = panel.desktopOrder) {
  return { preset: null, steps, desktopOrder };
}

/** Moves step `index` by `delta` (−1 up, +1 down); returns a new array. */
export function move(steps, index, delta) {
  const to = index + delta;
  if (to < 0 || to >= steps.length) return steps;
  const copy = steps.slice();
  [copy[index], copy[to]] = [copy[to], copy[index]];
  return copy;
}

/** Field → message for every step parameter the rules refuse ({} when the chain can be sent). */
export function chainErrors(config, panel) {
  const errors = {};
  for (const step of panel.steps) {
    for (const rule of stepRules(config, step.type)) {
      const e = checkValue(rule, step[rule.name]);
      if (e) errors[`${step.id}.${rule.name}`] = e;
    }
  }
  return errors;
}

const PRESET_LABELS = { raw: 'Raw (no filter)', 'gui-default': 'Desktop GUI default', batch: 'Batch (multi-file)' };
const STEP_LABELS = {
  savgol: 'Savitzky–Golay',
  wavelet: 'Wavelet denoising',
  butterworth: 'Butterworth',
  extract_add: 'Extract–add',
  fft: 'FFT threshold',
};

export const presetLabel = (name) => PRESET_LABELS[name] ?? name;
export const stepLabel = (type) => STEP_LABELS[type] ?? type;

/** A short name of the chain for buttons, headers and History ("Batch (multi-file)", "Savitzky–Golay → FFT"). */
export function describePanel(panel) {
  if (panel.preset) return presetLabel(panel.preset);
  if (!panel.steps.length) return presetLabel('raw');
  return panel.steps.map((s) => stepLabel(s.type)).join(' → ');
}

/** True when the chain filters nothing (the preview shows the raw trace only). */
export function isRawPanel(panel) {
  return panel.steps.length === 0;
}
