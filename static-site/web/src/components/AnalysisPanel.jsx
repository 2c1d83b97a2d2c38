import { Panel, Field, Progress } from './Panel.jsx';
import { PARAM_LABELS, hasStartingPoint } from '../lib/request.js';
import { describePanel } from '../lib/chain.js';

/** Mode, protocol parameters (rules from the API), starting point, and Analyze (which names what it runs). */
export function AnalysisPanel({
  config,
  panel,
  filter,
  errors,
  v2Source,
  onChange,
  onAnalyze,
  running,
  disabled,
  changed,
}) {
  const set = (key) => (e) => onChange({ ...panel, params: { ...panel.params, [key]: e.target.value } });
  const sp = panel.startingPoint;
  const invalid = Object.keys(errors).length > 0;
  const withStart = hasStartingPoint(config, panel.mode);
  const params = config.analysis.parameters.filter((r) => r.name !== 'startingPoint');
  return (
    <Panel title="Analysis" badge={panel.mode} testId="panel-analysis">
      <div className="seg" role="radiogroup" aria-label="Analysis mode">
        {config.analysis.modes.map((m) => (
          <label key={m.mode} className={'seg-item' + (panel.mode === m.mode ? ' on' : '')} title={m.description}>
            <input
              type="radio"
              name="mode"
              value={m.mode}
              checked={panel.mode === m.mode}
              onChange={() => onChange({ ...panel, mode: m.mode })}
              data-testid={`mode-${m.mode}`}
            />
            {m.mode === 'desktop' ? 'Desktop (parity)' : 'Standard'}
          </label>
        ))}
      </div>
      <div className="grid2">
        {params.map((rule) => {
          const key = rule.name;
          const label = `${PARAM_LABELS[key] ?? key}${rule.unit ? ` (${rule.unit})` : ''}`;
          return (
            <Field
              key={key}
              id={`p-${key}`}
              label={label}
              error={errors[key]}
              hint={key === 'v2Mv' && v2Source ? v2Source : undefined}
            >
              <input
                id={`p-${key}`}
                type="number"
                step={rule.type === 'integer' ? 1 : 'any'}
                inputMode={rule.type === 'integer' ? 'numeric' : 'decimal'}
                value={panel.params[key]}
                onChange={set(key)}
                aria-invalid={!!errors[key]}
                title={rule.note ?? undefined}
                aria-describedby={errors[key] ? `p-${key}-error` : undefined}
                data-testid={`param-${key}`}
              />
            </Field>
          );
        })}
      </div>
      {withStart && (
        <fieldset className="startpoint">
          <legend>Starting point (orange-curve index)</legend>
          <label className="check">
            <input
              type="radio"
              name="sp"
              checked={sp.auto}
              data-testid="sp-auto"
              onChange={() => onChange({ ...panel, startingPoint: { ...sp, auto: true } })}
            />
            Automatic (the desktop&apos;s grid search)
          </label>
          <label className="check">
            <input
              type="radio"
              name="sp"
              checked={!sp.auto}
              data-testid="sp-given"
              onChange={() => onChange({ ...panel, startingPoint: { ...sp, auto: false } })}
            />
            Value
            <input
              type="number"
              min="1"
              step="1"
              inputMode="numeric"
              className="sp-num"
              aria-label="Starting point value"
              disabled={sp.auto}
              value={sp.value}
              onChange={(e) => onChange({ ...panel, startingPoint: { auto: false, value: e.target.value } })}
              data-testid="sp-value"
            />
          </label>
          {errors.startingPoint && (
            <small className="error" role="alert">
              {errors.startingPoint}
            </small>
          )}
        </fieldset>
      )}
      {changed && (
        <p className="warn small" data-testid="settings-changed">
          The panels differ from the analysis shown: Analyze to run them.
        </p>
      )}
      <button
        type="button"
        className="btn primary wide"
        onClick={onAnalyze}
        disabled={disabled || invalid || running}
        data-testid="analyze"
      >
        {running ? 'Analyzing…' : `Analyze · ${describePanel(filter)}`}
      </button>
      {invalid && !disabled && <p className="error small">Fix the marked fields to analyze.</p>}
      {running && <Progress label="Analysis running" testId="analyze-progress" />}
    </Panel>
  );
}
