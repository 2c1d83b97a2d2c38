import test from 'node:test';
import assert from 'node:assert/strict';
import { snapToStep, snapRange, nearestIndex } from './snap.js';
import { debounce, latestOnly } from './debounce.js';
import { apiErrorFrom, formatError, ApiError } from './errors.js';
import { validateParams } from './validate.js';
import { checkFile, contentTypeFor } from './files.js';
import { toChainJson, move, stepsOfPreset, newStep } from './filters.js';
import { fmt, fmtUntil } from './format.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('snaps to the nearest multiple of 5', () => {
  assert.equal(snapToStep(0), 0);
  assert.equal(snapToStep(2.4), 0);
  assert.equal(snapToStep(2.6), 5);
  assert.equal(snapToStep(37), 35);
  assert.equal(snapToStep(38), 40);
});

test('snaps a dragged range: ordered, inside the curve, at least one step', () => {
  assert.deepEqual(snapRange([12, 88], 199), [10, 90]);
  assert.deepEqual(snapRange([88, 12], 199), [10, 90]);
  assert.deepEqual(snapRange([-30, 260], 199), [0, 200]);
  assert.deepEqual(snapRange([50, 51], 199), [50, 55]);
  assert.deepEqual(snapRange([199, 203], 199), [195, 200]);
});

test('finds the nearest point of a sorted axis', () => {
  const xs = [0, 0.5, 1, 1.5, 2];
  assert.equal(nearestIndex(xs, -3), 0);
  assert.equal(nearestIndex(xs, 0.74), 1);
  assert.equal(nearestIndex(xs, 0.76), 2);
  assert.equal(nearestIndex(xs, 9), 4);
  assert.equal(nearestIndex([], 1), -1);
});

test('debounce calls once with the last arguments', async () => {
  const calls = [];
  const d = debounce((x) => calls.push(x), 20);
  d(1); d(2); d(3);
  await sleep(50);
  assert.deepEqual(calls, [3]);
  d(4); d.cancel();
  await sleep(40);
  assert.deepEqual(calls, [3]);
});

test('latest wins: an overtaken slow answer is dropped', async () => {
  const results = [];
  const run = latestOnly((ms, v) => sleep(ms).then(() => v), (v) => results.push(v));
  const slow = run(40, 'old');
  const fast = run(5, 'new');
  await Promise.all([slow, fast]);
  assert.deepEqual(results, ['new']);
});

test('API errors show the API message, with Retry-After', () => {
  const e = apiErrorFrom(422, '{"error":"unreadable_recording","message":"Line 12: expected 3 columns, found 2."}');
  assert.equal(e.code, 'unreadable_recording');
  assert.equal(formatError(e, 'a.atf'), 'a.atf: Line 12: expected 3 columns, found 2.');
  const named = apiErrorFrom(422, '{"error":"unreadable_recording","message":"b.atf: line 3: expected a header."}');
  assert.equal(formatError(named, 'b.atf'), 'b.atf: line 3: expected a header.');
  const busy = apiErrorFrom(503, '{"error":"storage_unavailable","message":"Storage is unavailable."}', '7');
  assert.equal(formatError(busy), 'Storage is unavailable. Try again in 7 s.');
  const html = apiErrorFrom(502, '<html>Bad gateway</html>');
  assert.equal(html.code, 'http_502');
  assert.equal(html.message, 'The analysis service did not answer.');
  assert.ok(formatError(new TypeError('Failed to fetch')).includes('could not be reached'));
  assert.ok(new ApiError(400, 'x', 'y') instanceof Error);
});

test('protocol validation follows the desktop limits', () => {
  const ok = { nCycles: 2, t0Ms: 20, t1Ms: 100, t2Ms: 100, v0Mv: -80, v1Mv: -100, v2Mv: -20, startingPoint: 'auto' };
  assert.deepEqual(validateParams(ok), {});
  assert.ok(validateParams({ ...ok, nCycles: 11 }).nCycles);
  assert.ok(validateParams({ ...ok, nCycles: 0 }).nCycles);
  assert.ok(validateParams({ ...ok, nCycles: 2.5 }).nCycles);
  assert.ok(validateParams({ ...ok, t1Ms: 0 }).t1Ms);
  assert.ok(validateParams({ ...ok, v2Mv: -101 }).v2Mv);
  assert.deepEqual(validateParams({ ...ok, v2Mv: 100 }), {});
  assert.ok(validateParams({ ...ok, startingPoint: '0' }).startingPoint);
  assert.deepEqual(validateParams({ ...ok, startingPoint: '35' }), {});
});

test('upload pre-checks: type and size', () => {
  assert.equal(checkFile({ name: 'a.ATF', size: 10 }), null);
  assert.match(checkFile({ name: 'a.xlsx', size: 10 }), /not a recording type/);
  assert.match(checkFile({ name: 'a.abf', size: 60 * 1048576 }), /60\.0 MB; the limit is 50 MB/);
  assert.equal(contentTypeFor('x.abf'), 'application/octet-stream');
  assert.equal(contentTypeFor('x.csv'), 'text/csv');
});

test('filter chains: preset by name, steps in the order given', () => {
  assert.deepEqual(toChainJson({ preset: 'batch' }), { preset: 'batch' });
  const steps = [newStep('butterworth'), newStep('savgol')];
  const moved = move(steps, 1, -1);
  const json = toChainJson({ steps: moved, desktopOrder: false });
  assert.deepEqual(json.steps.map((s) => s.type), ['savgol', 'butterworth']);
  assert.equal(json.steps[0].window, 51);
  assert.equal(json.steps[0].id, undefined);
  assert.equal(move(steps, 0, -1), steps);
  assert.equal(json.desktop_order, false);
  const fft = toChainJson({ steps: [newStep('fft')] }).steps[0];
  assert.deepEqual(fft, { type: 'fft', threshold: 0.2 });
  const butter = toChainJson({ steps: stepsOfPreset('batch') }).steps[1];
  assert.deepEqual(butter, { type: 'butterworth', order: 2, application: 'desktop', btype: 'lowpass', cutoff_hz: 2000 });
  const gui = toChainJson({ steps: stepsOfPreset('gui-default') }).steps[1];
  assert.equal(gui.wn, 0.1);
  assert.equal(gui.cutoff_hz, undefined);
  const ea = toChainJson({ steps: [newStep('extract_add')] }).steps[0];
  assert.deepEqual(ea, { type: 'extract_add', prominence: 200, width_range: [1, 50] });
  assert.equal(stepsOfPreset('batch')[1].cutoff, 2000);
});

test('number formatting', () => {
  assert.equal(fmt(1.234567), '1.235');
  assert.equal(fmt(-0.0000123), '-1.230e-5');
  assert.equal(fmt(null), '—');
  assert.equal(fmtUntil('2026-01-08T00:00:00Z', Date.parse('2026-01-01T00:00:00Z')), 'in 7 days');
  assert.equal(fmtUntil('2026-01-01T00:00:00Z', Date.parse('2026-01-02T00:00:00Z')), 'expired');
});
