// The desktop's checks on the protocol parameters (spec §3.0), so a person sees what to fix before sending;
// the API validates again and its message wins.

/** @returns {Object<string,string>} field → message, empty when everything is acceptable. */
export function validateParams(p) {
  const errors = {};
  const num = (v) => (v === '' || v === null || v === undefined ? NaN : Number(v));
  const n = num(p.nCycles);
  if (!Number.isInteger(n) || n < 1 || n > 10) errors.nCycles = 'Number of cycles must be a whole number from 1 to 10.';
  for (const [key, label] of [['t0Ms', 't0'], ['t1Ms', 't1'], ['t2Ms', 't2']]) {
    const t = num(p[key]);
    if (!Number.isFinite(t) || t <= 0) errors[key] = `${label} must be a time in ms greater than 0.`;
  }
  for (const [key, label] of [['v0Mv', 'V0'], ['v1Mv', 'V1']]) {
    if (!Number.isFinite(num(p[key]))) errors[key] = `${label} must be a voltage in mV.`;
  }
  const v2 = num(p.v2Mv);
  if (!Number.isFinite(v2) || Math.abs(v2) > 100) errors.v2Mv = 'V2 must be a voltage between −100 and 100 mV.';
  if (p.startingPoint !== 'auto') {
    const s = num(p.startingPoint);
    if (!Number.isInteger(s) || s < 1) errors.startingPoint = 'Starting point must be a whole number ≥ 1 (an orange-curve index), or auto.';
  }
  return errors;
}

/** The request's `params` object with numbers. */
export function toRequestParams(p) {
  return {
    nCycles: Number(p.nCycles),
    t0Ms: Number(p.t0Ms),
    t1Ms: Number(p.t1Ms),
    t2Ms: Number(p.t2Ms),
    v0Mv: Number(p.v0Mv),
    v1Mv: Number(p.v1Mv),
    v2Mv: Number(p.v2Mv),
  };
}
