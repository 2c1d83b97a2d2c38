import test from 'node:test';
import assert from 'node:assert/strict';
import { snapToStep, snapRange, nearestIndex } from './snap.js';
import { debounce, latestOnly } from './debounce.js';
import { apiErrorFrom, formatError, ApiError } from './errors.js';
import { checkFile, contentTypeFor } from './files.js';
import { fmt, fmtUntil } from './format.js';
import { jobActive } from './jobs.js';

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
  d(1);
  d(2);
  d(3);
  await sleep(50);
  assert.deepEqual(calls, [3]);
  d(4);
  d.cancel();
  await sleep(40);
  assert.deepEqual(calls, [3]);
});

test('latest wins: an overtaken slow answer is dropped', async () => {
  const results = [];
  const run = latestOnly(
    (ms, v) => sleep(ms).then(() => v),
    (v) => results.push(v),
  );
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

test('upload pre-checks: type and size', () => {
  const uploads = { maxBytes: 52428800, extensions: ['.abf', '.atf', '.csv', '.txt'] };
  assert.equal(checkFile({ name: 'a.ATF', size: 10 }, uploads), null);
  assert.match(checkFile({ name: 'a.xlsx', size: 10 }, uploads), /not a recording type; use ABF, ATF, CSV, TXT/);
  assert.match(checkFile({ name: 'a.abf', size: 60 * 1048576 }, uploads), /60\.0 MB; the limit is 50 MB/);
  // The limit follows the server's (--max-upload-mb 5): nothing in the page knows 50 MB.
  assert.match(checkFile({ name: 'a.abf', size: 6 * 1048576 }, { ...uploads, maxBytes: 5 * 1048576 }), /limit is 5 MB/);
  assert.equal(contentTypeFor('x.abf'), 'application/octet-stream');
  assert.equal(contentTypeFor('x.csv'), 'text/csv');
});

test('number formatting', () => {
  assert.equal(fmt(1.234567), '1.235');
  assert.equal(fmt(-0.0000123), '-1.230e-5');
  assert.equal(fmt(null), '—');
  assert.equal(fmtUntil('2026-01-08T00:00:00Z', Date.parse('2026-01-01T00:00:00Z')), 'in 7 days');
  assert.equal(fmtUntil('2026-01-01T00:00:00Z', Date.parse('2026-01-02T00:00:00Z')), 'expired');
});

test('a job is polled and shown running only while queued or running', () => {
  assert.equal(jobActive({ status: 'queued' }), true);
  assert.equal(jobActive({ status: 'running' }), true);
  assert.equal(jobActive({ status: 'done' }), false);
  assert.equal(jobActive({ status: 'failed' }), false);
  assert.equal(jobActive(null), false);
});
