// Checks a form value against a ParameterRule of GET /api/config (docs/api.md, "Config"). The rules come from the
// API; this only reads them, so the form and the server can never disagree. The server checks again.

/** The empty form value of a nullable parameter. */
export const isEmpty = (v) => v === '' || v === null || v === undefined;

/** Parses "0.1" or "0.05, 0.2" (a `numbers` rule) into numbers; NaN where a part is not a number. */
export function parseNumbers(v) {
  if (Array.isArray(v)) return v.map(Number);
  if (typeof v === 'number') return [v];
  return String(v)
    .split(/[,;\s]+/)
    .filter((s) => s !== '')
    .map(Number);
}

function boundsText(rule) {
  const lo = rule.min === null || rule.min === undefined ? null : `${rule.minExclusive ? '>' : '≥'} ${rule.min}`;
  const hi = rule.max === null || rule.max === undefined ? null : `${rule.maxExclusive ? '<' : '≤'} ${rule.max}`;
  return [lo, hi].filter(Boolean).join(' and ');
}

function inBounds(rule, n) {
  if (rule.min !== null && rule.min !== undefined && (rule.minExclusive ? n <= rule.min : n < rule.min)) return false;
  if (rule.max !== null && rule.max !== undefined && (rule.maxExclusive ? n >= rule.max : n > rule.max)) return false;
  return true;
}

/** A message a person can act on, or null when `value` (as typed) satisfies `rule`. */
export function checkValue(rule, value, label = rule.name) {
  if (isEmpty(value) || (Array.isArray(value) && value.length === 0)) {
    return rule.nullable ? null : `${label} is needed.`;
  }
  const unit = rule.unit ? ` ${rule.unit}` : '';
  const range = boundsText(rule);
  switch (rule.type) {
    case 'integer': {
      const n = Number(value);
      if (!Number.isInteger(n) || !inBounds(rule, n)) {
        return `${label} must be a whole number${range ? ' ' + range : ''}${unit}.`;
      }
      return null;
    }
    case 'number': {
      const n = Number(value);
      if (!Number.isFinite(n) || !inBounds(rule, n))
        return `${label} must be a number${range ? ' ' + range : ''}${unit}.`;
      return null;
    }
    case 'numbers': {
      const ns = parseNumbers(value);
      if (!ns.length || ns.some((n) => !Number.isFinite(n) || !inBounds(rule, n))) {
        return `${label} must be one or two numbers${range ? ' ' + range : ''}${unit}.`;
      }
      return null;
    }
    case 'choice':
      return rule.allowed && !rule.allowed.includes(value)
        ? `${label} must be one of ${rule.allowed.join(', ')}.`
        : null;
    default:
      return null;
  }
}

/** The JSON value of a form value (numbers as numbers), or undefined to leave the key out. */
export function toJsonValue(rule, value) {
  if (isEmpty(value)) return undefined;
  switch (rule.type) {
    case 'integer':
    case 'number':
      return Number(value);
    case 'numbers': {
      const ns = parseNumbers(value);
      return ns.length === 1 ? ns[0] : ns;
    }
    case 'boolean':
      return value === true || value === 'true';
    default:
      return value;
  }
}

/** The form value (text) of a JSON value. */
export function toFormValue(value) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'boolean' ? value : String(value);
}
