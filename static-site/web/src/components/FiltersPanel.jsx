import { Panel, Field } from './Panel.jsx';
import {
  describePanel,
  editSteps,
  move,
  newStep,
  presetLabel,
  presetPanel,
  stepLabel,
  stepRules,
  stepTypes,
} from '../lib/chain.js';
import { fmt } from '../lib/format.js';

const LABELS = {
  window: 'Window (points)',
  polyorder: 'Polynomial order',
  deriv: 'Derivative',
  mode: 'Edges',
  cval: 'Edge value',
  wavelet: 'Family',
  level: 'Level',
  threshold_mode: 'Threshold',
  sigma: 'Noise σ rule',
  btype: 'Type',
  order: 'Order',
  wn: 'Cutoff (× Nyquist)',
  cutoff_hz: 'Cutoff (Hz)',
  application: 'Application',
  prominence: 'Prominence (pA)',
  width_range: 'Width (points, min, max)',
  threshold: 'Keep bins ≥ fraction of max',
  min_hz: 'Band from (Hz)',
  max_hz: 'Band to (Hz)',
};

/** One parameter of a step, drawn from its ParameterRule (GET /api/config). */
function ParamInput({ step, rule, error, onChange }) {
  const id = `f${step.id}-${rule.name}`;
  const value = step[rule.name];
  let control;
  if (rule.type === 'choice') {
    control = (
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {rule.nullable && <option value="">—</option>}
        {rule.allowed.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else if (rule.type === 'boolean') {
    control = (
      <input
        id={id}
        type="checkbox"
        checked={value === true || value === 'true'}
        onChange={(e) => onChange(e.target.checked)}
      />
    );
  } else if (rule.type === 'numbers') {
    control = (
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={value}
        placeholder={rule.nullable ? 'none' : ''}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error}
      />
    );
  } else {
    control = (
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={rule.min ?? undefined}
        max={rule.max ?? undefined}
        step={rule.type === 'integer' ? 1 : 'any'}
        value={value}
        placeholder={rule.nullable ? 'none' : ''}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error}
      />
    );
  }
  return (
    <Field id={id} label={LABELS[rule.name] ?? rule.name} hint={rule.note} error={error}>
      {control}
    </Field>
  );
}

/**
 * The filter chain: presets (from the API, their steps written out), every step's parameters, order, live
 * preview with metrics. There is no separate "applied" chain: Analyze runs what this panel shows.
 */
export function FiltersPanel({ config, filter, onFilter, errors, preview, previewOn, onPreviewOn, disabled }) {
  const setSteps = (steps, desktopOrder) => onFilter(editSteps(filter, steps, desktopOrder));
  const change = (index, key, value) =>
    setSteps(filter.steps.map((s, i) => (i === index ? { ...s, [key]: value } : s)));
  const metrics = preview?.metrics;
  return (
    <Panel title="Filters" badge={describePanel(filter)} testId="panel-filters">
      <div className="preset-row" role="group" aria-label="Presets">
        {Object.keys(config.filter.presets).map((name) => (
          <button
            key={name}
            type="button"
            className={'chip' + (filter.preset === name ? ' on' : '')}
            aria-pressed={filter.preset === name}
            onClick={() => onFilter(presetPanel(config, name))}
            data-testid={`preset-${name}`}
          >
            {presetLabel(name)}
          </button>
        ))}
      </div>
      <p className="muted small" data-testid="filter-summary">
        {filter.preset ? (
          <>
            Preset <code>{filter.preset}</code>:{' '}
          </>
        ) : (
          'Custom chain: '
        )}
        {filter.steps.length ? filter.steps.map((s) => stepLabel(s.type)).join(' → ') : 'no filter'}. The preview and
        Analyze use this chain.
      </p>
      <ol className="steps">
        {filter.steps.map((step, i) => (
          <li key={step.id} className="step">
            <div className="step-head">
              <strong>
                {i + 1}. {stepLabel(step.type)}
              </strong>
              <span className="step-actions">
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={`Move ${stepLabel(step.type)} up`}
                  disabled={i === 0}
                  onClick={() => setSteps(move(filter.steps, i, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={`Move ${stepLabel(step.type)} down`}
                  disabled={i === filter.steps.length - 1}
                  onClick={() => setSteps(move(filter.steps, i, 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={`Remove ${stepLabel(step.type)}`}
                  onClick={() => setSteps(filter.steps.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </span>
            </div>
            <div className="grid2">
              {stepRules(config, step.type).map((rule) => (
                <ParamInput
                  key={rule.name}
                  step={step}
                  rule={rule}
                  error={errors[`${step.id}.${rule.name}`]}
                  onChange={(v) => change(i, rule.name, v)}
                />
              ))}
            </div>
          </li>
        ))}
      </ol>
      <div className="add-row">
        <label htmlFor="add-filter" className="muted small">
          Add
        </label>
        <select
          id="add-filter"
          value=""
          onChange={(e) => e.target.value && setSteps([...filter.steps, newStep(config, e.target.value)])}
        >
          <option value="">a filter step…</option>
          {stepTypes(config).map((type) => (
            <option key={type} value={type}>
              {stepLabel(type)}
            </option>
          ))}
        </select>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={!!filter.desktopOrder}
          disabled={!!filter.preset}
          onChange={(e) => setSteps(filter.steps, e.target.checked)}
        />
        Apply in the desktop&apos;s fixed order ({config.filter.desktopOrder.map(stepLabel).join(' → ')})
      </label>
      <label className="check">
        <input type="checkbox" checked={previewOn} onChange={(e) => onPreviewOn(e.target.checked)} />
        Show the filtered trace on the plot
      </label>
      {metrics && (
        <dl className="metrics" data-testid="filter-metrics">
          <div>
            <dt>RMSE</dt>
            <dd>{fmt(metrics.rmse)}</dd>
          </div>
          <div>
            <dt>MAE</dt>
            <dd>{fmt(metrics.mae)}</dd>
          </div>
          <div>
            <dt>SNR</dt>
            <dd>{fmt(metrics.snrDb)} dB</dd>
          </div>
          <div>
            <dt>max |r|</dt>
            <dd>{fmt(metrics.maxAbsResidual)}</dd>
          </div>
          <div>
            <dt>mean r</dt>
            <dd>{fmt(metrics.meanResidual)}</dd>
          </div>
          <div>
            <dt>MSE</dt>
            <dd>{fmt(metrics.mse)}</dd>
          </div>
        </dl>
      )}
      {preview?.error && (
        <p className="error" role="alert">
          {preview.error}
        </p>
      )}
      <div className="btn-row">
        <button
          type="button"
          className="btn"
          disabled={disabled}
          onClick={() => onFilter(presetPanel(config, config.filter.defaultPreset))}
          data-testid="filters-reset"
        >
          Reset to {presetLabel(config.filter.defaultPreset)}
        </button>
      </div>
    </Panel>
  );
}
