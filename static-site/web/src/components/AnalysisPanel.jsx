import { Panel, Field, Progress } from './Panel.jsx';

const FIELDS = [
  ['nCycles', 'Cycles (n)', '1', 'numeric'],
  ['t0Ms', 't0 (ms)', 'any', 'decimal'],
  ['t1Ms', 't1 (ms)', 'any', 'decimal'],
  ['t2Ms', 't2 (ms)', 'any', 'decimal'],
  ['v0Mv', 'V0 (mV)', 'any', 'decimal'],
  ['v1Mv', 'V1 (mV)', 'any', 'decimal'],
  ['v2Mv', 'V2 (mV)', 'any', 'decimal'],
];

/** Mode, protocol parameters with the desktop's validation, starting point, and Analyze. */
export function AnalysisPanel({ params, errors, v2Source, onChange, onAnalyze, running, disabled, stale }) {
  const set = (key) => (e) => onChange({ ...params, [key]: e.target.value });
  const auto = params.startingPoint === 'auto';
  const invalid = Object.keys(errors).length > 0;
  return (
    <Panel title="Analysis" badge={params.mode} testId="panel-analysis">
      <div className="seg" role="radiogroup" aria-label="Analysis mode">
        {[['desktop', 'Desktop (parity)'], ['standard', 'Standard']].map(([m, label]) => (
          <label key={m} className={'seg-item' + (params.mode === m ? ' on' : '')}>
            <input type="radio" name="mode" value={m} checked={params.mode === m} onChange={set('mode')} />
            {label}
          </label>
        ))}
      </div>
      <div className="grid2">
        {FIELDS.map(([key, label, step, mode]) => (
          <Field key={key} id={`p-${key}`} label={label} error={errors[key]}
            hint={key === 'v2Mv' && v2Source ? v2Source : undefined}>
            <input id={`p-${key}`} type="number" step={step} inputMode={mode} value={params[key]} onChange={set(key)}
              aria-invalid={!!errors[key]} aria-describedby={errors[key] ? `p-${key}-error` : undefined}
              data-testid={`param-${key}`} />
          </Field>
        ))}
      </div>
      <fieldset className="startpoint">
        <legend>Starting point (orange-curve index)</legend>
        <label className="check">
          <input type="radio" name="sp" checked={auto} onChange={() => onChange({ ...params, startingPoint: 'auto' })}
            data-testid="sp-auto" />
          Automatic (the desktop's grid search)
        </label>
        <label className="check">
          <input type="radio" name="sp" checked={!auto}
            onChange={() => onChange({ ...params, startingPoint: params.lastStartingPoint || '35' })} />
          Value
          <input type="number" min="1" step="1" className="inline-num" aria-label="Starting point value"
            disabled={auto} value={auto ? params.lastStartingPoint || '35' : params.startingPoint}
            onChange={(e) => onChange({ ...params, startingPoint: e.target.value, lastStartingPoint: e.target.value })}
            data-testid="sp-value" />
        </label>
        {errors.startingPoint && <small className="error" role="alert">{errors.startingPoint}</small>}
      </fieldset>
      {stale && <p className="warn small">Filters changed since this analysis: analyze again to update it.</p>}
      <button type="button" className="btn primary wide" onClick={onAnalyze} disabled={disabled || invalid || running}
        data-testid="analyze">
        {running ? 'Analyzing…' : 'Analyze'}
      </button>
      {running && <Progress label="Analysis running" testId="analyze-progress" />}
    </Panel>
  );
}
