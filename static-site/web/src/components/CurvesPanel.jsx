import { Panel } from './Panel.jsx';

export const CURVES = [
  ['raw', 'Raw', '#94a3b8'],
  ['filtered', 'Filtered', '#dc2626'],
  ['orange', 'Orange (50-point average)', '#FFA500'],
  ['normalized', 'Normalized', '#0057B8'],
  ['average', 'Average (normalized)', '#c026d3'],
  ['purpleHyperpol', 'Purple hyperpol', '#7e22ce'],
  ['purpleDepol', 'Purple depol', '#a855f7'],
];

/** Show/hide and line/points for every curve of the main plot. */
export function CurvesPanel({ curves, onChange }) {
  return (
    <Panel title="Curves" testId="panel-curves">
      <table className="curves">
        <thead>
          <tr>
            <th scope="col">Curve</th>
            <th scope="col">Show</th>
            <th scope="col">Draw as</th>
          </tr>
        </thead>
        <tbody>
          {CURVES.map(([key, label, color]) => (
            <tr key={key}>
              <th scope="row">
                <span className="swatch" style={{ background: color }} aria-hidden="true" />
                {label}
              </th>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Show ${label}`}
                  checked={curves[key].show}
                  onChange={(e) => onChange({ ...curves, [key]: { ...curves[key], show: e.target.checked } })}
                  data-testid={`curve-${key}`}
                />
              </td>
              <td>
                <select
                  aria-label={`${label} drawn as`}
                  value={curves[key].mode}
                  onChange={(e) => onChange({ ...curves, [key]: { ...curves[key], mode: e.target.value } })}
                >
                  <option value="lines">line</option>
                  <option value="markers">points</option>
                  <option value="lines+markers">both</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
