import { Panel, Field } from './Panel.jsx';
import { FILTERS, PRESETS, newStep, move, stepsOfPreset, describeChain } from '../lib/filters.js';
import { fmt } from '../lib/format.js';

function ParamInput({ step, param, onChange }) {
  const id = `f${step.id}-${param.key}`;
  const value = step[param.key];
  const label = param.key === 'cutoff' ? (step.cutoffUnit === 'hz' ? 'Cutoff (Hz)' : 'Cutoff (× Nyquist)') : param.label;
  let control;
  if (param.kind === 'choice') {
    control = (
      <select id={id} value={value} onChange={(e) => onChange(param.key, e.target.value)}>
        {param.options.map((o) => <option key={o} value={o}>{param.labels?.[o] ?? o}</option>)}
      </select>
    );
  } else {
    const max = param.key === 'cutoff' && step.cutoffUnit !== 'hz' ? 1 : param.max;
    control = (
      <input id={id} type="number" inputMode="decimal" min={param.min} max={max} step={param.step} value={value}
        onChange={(e) => onChange(param.key, e.target.value)} />
    );
  }
  return <Field id={id} label={label} hint={param.hint}>{control}</Field>;
}

/** The filter chain editor: presets, steps with every parameter, order, live preview with metrics, apply/reset. */
export function FiltersPanel({ draft, applied, preview, previewOn, onDraft, onPreviewOn, onApply, onReset, disabled }) {
  const editable = draft.preset ? { steps: stepsOfPreset(draft.preset), desktopOrder: false } : draft;
  const setSteps = (steps) => onDraft({ steps, desktopOrder: editable.desktopOrder });
  const change = (index, key, value) => setSteps(editable.steps.map((s, i) => (i === index ? { ...s, [key]: value } : s)));
  const metrics = preview?.metrics;
  const same = JSON.stringify(draft) === JSON.stringify(applied);
  return (
    <Panel title="Filters" badge={describeChain(applied)} testId="panel-filters">
      <div className="preset-row" role="group" aria-label="Presets">
        {Object.entries(PRESETS).map(([name, p]) => (
          <button key={name} type="button" className={'chip' + (draft.preset === name ? ' on' : '')}
            aria-pressed={draft.preset === name} onClick={() => onDraft({ preset: name })}
            data-testid={`preset-${name}`}>
            {p.label}
          </button>
        ))}
      </div>
      {draft.preset && draft.preset !== 'raw' && (
        <p className="muted small">Preset <code>{draft.preset}</code>: {describeChain({ steps: editable.steps })}.
          Edit a parameter below to customise it.</p>
      )}
      <ol className="steps">
        {editable.steps.map((step, i) => (
          <li key={step.id} className="step">
            <div className="step-head">
              <strong>{i + 1}. {FILTERS[step.type].label}</strong>
              <span className="step-actions">
                <button type="button" className="icon-btn" aria-label={`Move ${FILTERS[step.type].label} up`}
                  disabled={i === 0} onClick={() => setSteps(move(editable.steps, i, -1))}>↑</button>
                <button type="button" className="icon-btn" aria-label={`Move ${FILTERS[step.type].label} down`}
                  disabled={i === editable.steps.length - 1} onClick={() => setSteps(move(editable.steps, i, 1))}>↓</button>
                <button type="button" className="icon-btn" aria-label={`Remove ${FILTERS[step.type].label}`}
                  onClick={() => setSteps(editable.steps.filter((_, j) => j !== i))}>×</button>
              </span>
            </div>
            <div className="grid2">
              {FILTERS[step.type].params.map((p) => (
                <ParamInput key={p.key} step={step} param={p} onChange={(k, v) => change(i, k, v)} />
              ))}
            </div>
          </li>
        ))}
      </ol>
      <div className="add-row">
        <label htmlFor="add-filter" className="muted small">Add</label>
        <select id="add-filter" value="" onChange={(e) => e.target.value && setSteps([...editable.steps, newStep(e.target.value)])}>
          <option value="">a filter step…</option>
          {Object.entries(FILTERS).map(([type, f]) => <option key={type} value={type}>{f.label}</option>)}
        </select>
      </div>
      <label className="check">
        <input type="checkbox" checked={!!editable.desktopOrder} disabled={!!draft.preset}
          onChange={(e) => onDraft({ steps: editable.steps, desktopOrder: e.target.checked })} />
        Apply in the desktop's fixed order (SG → wavelet → Butterworth → extract–add)
      </label>
      <label className="check">
        <input type="checkbox" checked={previewOn} onChange={(e) => onPreviewOn(e.target.checked)} />
        Live preview on the plot
      </label>
      {metrics && (
        <dl className="metrics" data-testid="filter-metrics">
          <div><dt>RMSE</dt><dd>{fmt(metrics.rmse)}</dd></div>
          <div><dt>MAE</dt><dd>{fmt(metrics.mae)}</dd></div>
          <div><dt>SNR</dt><dd>{fmt(metrics.snrDb)} dB</dd></div>
          <div><dt>max |r|</dt><dd>{fmt(metrics.maxAbsResidual)}</dd></div>
          <div><dt>mean r</dt><dd>{fmt(metrics.meanResidual)}</dd></div>
          <div><dt>MSE</dt><dd>{fmt(metrics.mse)}</dd></div>
        </dl>
      )}
      {preview?.error && <p className="error" role="alert">{preview.error}</p>}
      <div className="btn-row">
        <button type="button" className="btn primary" disabled={disabled || same} onClick={onApply}
          data-testid="filters-apply">Apply</button>
        <button type="button" className="btn" disabled={disabled} onClick={onReset} data-testid="filters-reset">
          Reset to raw</button>
      </div>
    </Panel>
  );
}
