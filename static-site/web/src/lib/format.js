/** A number as the page shows it: 4 significant digits without exponent for ordinary magnitudes. */
export function fmt(value, digits = 4) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) return value.toExponential(digits - 1);
  return Number(value.toPrecision(digits)).toString();
}

export function fmtBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function fmtDateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

/** "in 6 days", "in 3 h", "expired". */
export function fmtUntil(iso, now = Date.now()) {
  const ms = new Date(iso).getTime() - now;
  if (!Number.isFinite(ms)) return '';
  if (ms <= 0) return 'expired';
  const h = ms / 3.6e6;
  if (h >= 48) return `in ${Math.round(h / 24)} days`;
  if (h >= 1) return `in ${Math.round(h)} h`;
  return `in ${Math.max(1, Math.round(ms / 60000))} min`;
}

/** A fit parameter with its unit: "τ = 8.846 ms". */
export function fmtParameter(name, value, unit) {
  const label = name === 'tauMs' ? 'τ' : name;
  return `${label} = ${fmt(value)}${unit ? ' ' + unit : ''}`;
}
