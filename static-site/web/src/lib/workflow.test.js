import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  chainJson,
  chainErrors,
  editSteps,
  move,
  newStep,
  panelFromChain,
  presetPanel,
  describePanel,
} from './chain.js';
import {
  analysisErrors,
  buildAnalysisRequest,
  defaultAnalysisPanel,
  panelsFromRequest,
  requestErrors,
} from './request.js';
import { checkValue, toJsonValue } from './rules.js';
import { fitsReducer, NO_FITS, adjustmentsBody, canRedo, canUndo, subtracting } from './fits.js';
import { serialLatest } from './serial.js';
import { singleFire } from './tap.js';
import { createSessionWithCode, ACCESS_KEY } from './access.js';
import { ApiError } from './errors.js';
import { howItRan } from './history.js';
import { wordsFor } from './words.js';
import { fmtParameter } from './format.js';

// A snapshot of GET /api/config taken from the local runtime: the page itself always asks the API.
const config = JSON.parse(readFileSync(new URL('./fixtures/config.json', import.meta.url), 'utf8'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('a preset shows its steps and is sent by name; editing it makes a custom chain of those steps', () => {
  const batch = presetPanel(config, 'batch');
  assert.deepEqual(
    batch.steps.map((s) => s.type),
    ['savgol', 'butterworth'],
  );
  assert.equal(batch.steps[0].window, '101');
  assert.deepEqual(chainJson(config, batch), { preset: 'batch' });
  const edited = editSteps(
    batch,
    batch.steps.map((s, i) => (i === 0 ? { ...s, window: '51' } : s)),
  );
  const json = chainJson(config, edited);
  assert.equal(json.steps[0].window, 51);
  assert.equal(json.steps[1].cutoff_hz, 2000);
  assert.equal(json.steps[1].wn, undefined, 'an empty nullable parameter is left out');
  assert.equal(json.desktop_order, false);
  assert.equal(describePanel(edited), 'Savitzky–Golay → Butterworth');
  assert.equal(describePanel(batch), 'Batch (multi-file)');
});

test('a stored chain written out step by step is recognised as its preset; another is custom', () => {
  const written = JSON.parse(JSON.stringify(config.filter.presets['gui-default']));
  assert.equal(panelFromChain(config, written).preset, 'gui-default');
  written.steps[0].window = 31;
  const custom = panelFromChain(config, written);
  assert.equal(custom.preset, null);
  assert.equal(custom.steps[0].window, '31');
  assert.equal(panelFromChain(config, { preset: 'raw' }).steps.length, 0);
});

test('new steps take the API defaults; rules refuse what the API refuses', () => {
  const s = newStep(config, 'savgol');
  assert.equal(s.window, String(config.filter.steps.find((x) => x.type === 'savgol').parameters[0].default));
  assert.deepEqual(chainErrors(config, editSteps({}, [s])), {});
  const bad = { ...s, polyorder: '99' };
  assert.match(Object.values(chainErrors(config, editSteps({}, [bad])))[0], /polyorder must be a whole number/);
  const swapped = move([s, bad], 1, -1);
  assert.equal(swapped[0], bad);
  const wn = config.filter.steps.find((x) => x.type === 'butterworth').parameters.find((p) => p.name === 'wn');
  assert.equal(checkValue(wn, ''), null, 'nullable');
  assert.equal(checkValue(wn, '0.1'), null);
  assert.match(checkValue(wn, '1'), /< 1/, 'the exclusive bound is refused');
  assert.deepEqual(toJsonValue(wn, '0.05, 0.2'), [0.05, 0.2]);
});

test('the one request builder sends exactly what the panels show', () => {
  const analysis = defaultAnalysisPanel(config);
  const filter = presetPanel(config, 'batch');
  const body = buildAnalysisRequest(config, { fileId: 'f', sweep: 1, channel: 0, analysis, filter });
  assert.deepEqual(body, {
    fileId: 'f',
    sweep: 1,
    channel: 0,
    mode: 'desktop',
    chain: { preset: 'batch' },
    params: { nCycles: 2, t0Ms: 20, t1Ms: 100, t2Ms: 100, v0Mv: -80, v1Mv: -100, v2Mv: -20 },
    startingPoint: 'auto',
  });
  const given = { ...analysis, startingPoint: { auto: false, value: '35' } };
  assert.equal(
    buildAnalysisRequest(config, { fileId: 'f', sweep: 0, channel: 0, analysis: given, filter }).startingPoint,
    35,
  );
  const standard = { ...given, mode: 'standard' };
  assert.equal(
    buildAnalysisRequest(config, { fileId: 'f', sweep: 0, channel: 0, analysis: standard, filter }).startingPoint,
    'auto',
    'standard mode has no starting point',
  );
  assert.deepEqual(requestErrors(config, { analysis, filter }), {});
  assert.match(analysisErrors(config, { ...analysis, params: { ...analysis.params, nCycles: '11' } }).nCycles, /≤ 10/);
  assert.match(
    analysisErrors(config, { ...analysis, startingPoint: { auto: false, value: '0' } }).startingPoint,
    /Starting point must be a whole number ≥ 1/,
  );
});

test('a stored request restores mode, filter, parameters and starting point', () => {
  const request = {
    fileId: 'f',
    sweep: 0,
    channel: 0,
    mode: 'desktop',
    chain: config.filter.presets.batch,
    params: { nCycles: 2, t0Ms: 20.0, t1Ms: 100.0, t2Ms: 100.0, v0Mv: -80.0, v1Mv: -100.0, v2Mv: -50.0 },
    startingPoint: 35,
  };
  const { analysis, filter } = panelsFromRequest(config, request);
  assert.equal(filter.preset, 'batch');
  assert.deepEqual(analysis.startingPoint, { auto: false, value: '35' });
  assert.equal(analysis.params.v2Mv, '-50');
  const again = buildAnalysisRequest(config, { fileId: 'f', sweep: 0, channel: 0, analysis, filter });
  assert.deepEqual(again.chain, { preset: 'batch' });
  assert.equal(again.params.v2Mv, -50);
  assert.equal(again.startingPoint, 35);
});

test('fits: accept, undo and redo per curve, subtract the last line, as the adjustments body', () => {
  let s = NO_FITS;
  s = fitsReducer(s, { type: 'accept', fit: { curve: 'hyperpol', model: 'linear', from: 150, to: 198, extra: 1 } });
  s = fitsReducer(s, { type: 'accept', fit: { curve: 'depol', model: 'exp-rise', from: 5, to: 60 } });
  s = fitsReducer(s, { type: 'subtract', curve: 'hyperpol', on: true });
  assert.ok(subtracting(s, 'hyperpol'));
  assert.deepEqual(adjustmentsBody(null, s), {
    ranges: null,
    fits: [
      { curve: 'hyperpol', model: 'linear', from: 150, to: 198, subtract: true },
      { curve: 'depol', model: 'exp-rise', from: 5, to: 60, subtract: false },
    ],
  });
  s = fitsReducer(s, { type: 'undo', curve: 'hyperpol' });
  assert.equal(s.fits.length, 1);
  assert.ok(canRedo(s, 'hyperpol') && !canRedo(s, 'depol'));
  assert.ok(!canUndo(s, 'hyperpol'));
  s = fitsReducer(s, { type: 'redo', curve: 'hyperpol' });
  assert.ok(subtracting(s, 'hyperpol'), 'redo brings the fit back as it was');
  assert.equal(fitsReducer(s, { type: 'undo', curve: 'depol' }).fits.length, 1);
  s = fitsReducer(s, { type: 'clear', curve: 'depol' });
  assert.deepEqual(
    s.fits.map((f) => f.curve),
    ['hyperpol'],
  );
  s = fitsReducer(s, { type: 'accept', fit: { curve: 'depol', model: 'linear', from: 1, to: 9 } });
  assert.ok(!canRedo(s, 'depol'), 'a new fit ends the redo history of its curve');
  s = fitsReducer(s, { type: 'load', fits: [] });
  assert.deepEqual(s, NO_FITS);
});

test('changes are sent one at a time and the newest wins', async () => {
  const sent = [];
  const results = [];
  const send = serialLatest(
    async (v) => {
      sent.push(v);
      await sleep(20);
      return v;
    },
    (v) => results.push(v),
  );
  send(1);
  send(2);
  send(3);
  await send.idle();
  assert.deepEqual(sent, [1, 3], 'a change overtaken while waiting is never sent');
  assert.deepEqual(results, [3]);
  assert.equal(send.busy(), false);
});

test('one tap fires once: a double click on the same point within the window is dropped', () => {
  let t = 0;
  const got = [];
  const tap = singleFire(
    (k) => got.push(k),
    400,
    () => t,
  );
  tap(10);
  t = 30;
  tap(10);
  t = 900;
  tap(10);
  t = 950;
  tap(42);
  assert.deepEqual(got, [10, 10, 42]);
});

function memoryStorage() {
  const m = new Map();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => m.set(k, v), removeItem: (k) => m.delete(k) };
}
const needCode = () => new ApiError(401, 'access_code_required', 'An access code is needed.');

test('access code: asked once when the API wants one, kept for the tab, asked again when wrong', async () => {
  const storage = memoryStorage();
  const bodies = [];
  const post = async (body) => {
    bodies.push(body);
    if (body.accessCode !== 'lab-42') throw needCode();
    return { sessionId: 's' };
  };
  const asked = [];
  const answers = ['wrong', 'lab-42'];
  const ask = async (message) => {
    asked.push(message);
    return answers.shift();
  };
  assert.deepEqual(await createSessionWithCode(post, storage, ask), { sessionId: 's' });
  assert.deepEqual(bodies, [{}, { accessCode: 'wrong' }, { accessCode: 'lab-42' }]);
  assert.equal(asked.length, 2);
  assert.match(asked[1], /not accepted/);
  assert.equal(storage.getItem(ACCESS_KEY), 'lab-42');
  // A new session in the same tab (Forget my data) sends the kept code without asking.
  await createSessionWithCode(post, storage, () => assert.fail('asked again'));
  assert.deepEqual(bodies.at(-1), { accessCode: 'lab-42' });
});

test('access code: an open API is never asked; giving up says how to come back', async () => {
  const storage = memoryStorage();
  const created = await createSessionWithCode(
    async (b) => ({ b }),
    storage,
    () => assert.fail('asked'),
  );
  assert.deepEqual(created, { b: {} });
  await assert.rejects(
    createSessionWithCode(
      async () => {
        throw needCode();
      },
      storage,
      async () => null,
    ),
    /reload the page/,
  );
  await assert.rejects(
    createSessionWithCode(
      async () => {
        throw new ApiError(503, 'busy', 'Busy.');
      },
      storage,
      async () => 'x',
    ),
    /Busy/,
  );
});

test('history rows say mode, filter and starting point', () => {
  assert.equal(
    howItRan({ mode: 'desktop', filter: 'batch', startingPointRequested: 'auto', startingPoint: 10 }),
    'desktop · Batch (multi-file) · start auto → 10',
  );
  assert.equal(
    howItRan({ mode: 'desktop', filter: 'custom', startingPointRequested: 35, startingPoint: 35, adjusted: true }),
    'desktop · custom filter · start 35 · adjusted',
  );
  assert.equal(howItRan({ mode: 'standard', filter: 'raw', startingPoint: null }), 'standard · Raw (no filter)');
});

test('touch words and fit parameter units', () => {
  assert.match(wordsFor(true).drop, /^Choose/);
  assert.doesNotMatch(wordsFor(true).readout, /[Hh]over/);
  assert.match(wordsFor(false).drop, /Drop/);
  assert.equal(fmtParameter('tauMs', 8.846451901557352, 'ms'), 'τ = 8.846 ms');
  assert.equal(fmtParameter('slope', -328.2275, 'pA/s'), 'slope = -328.2 pA/s');
});
