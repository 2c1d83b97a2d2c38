import test from 'node:test';
import assert from 'node:assert/strict';
import {
  setsOfFiles,
  missingAssignments,
  runBody,
  runsAsJob,
  refitBody,
  exportBody,
  exclusionReducer,
  NO_EXCLUSIONS,
  excludedOf,
  fitRows,
  fmtInterval,
} from './chargeVoltage.js';

const files = [
  {
    fileId: 'a',
    fileName: '20240611_0060_10_-40mV.atf',
    status: 'ready',
    setFromFileName: '10',
    setVoltageFromFileName: -40,
  },
  {
    fileId: 'b',
    fileName: '20240611_0061_2_-20mV.atf',
    status: 'ready',
    setFromFileName: '2',
    setVoltageFromFileName: -20,
  },
  {
    fileId: 'c',
    fileName: '20240611_0062_2_0mV.atf',
    status: 'ready',
    setFromFileName: '2',
    setVoltageFromFileName: 0,
  },
  { fileId: 'd', fileName: 'cell extra.atf', status: 'ready', setFromFileName: null, setVoltageFromFileName: null },
  { fileId: 'e', fileName: '20240611_0063_2_5mV.atf', status: 'awaiting_upload', setFromFileName: null },
  { fileId: 'f', fileName: 'x_10mVdepol.atf', status: 'ready', setFromFileName: null, setVoltageFromFileName: 10 },
];

test('offers the sets the names tell, in numeric order, with their ready files only', () => {
  assert.deepEqual(setsOfFiles(files), [
    { set: '2', fileIds: ['b', 'c'] },
    { set: '10', fileIds: ['a'] },
  ]);
  assert.deepEqual(
    setsOfFiles([
      { fileId: 'x', setFromFileName: 'b' },
      { fileId: 'y', setFromFileName: '3' },
    ]),
    [
      { set: '3', fileIds: ['y'] },
      { set: 'b', fileIds: ['x'] },
    ],
  );
});

test('names the chosen files whose set or voltage neither the name nor a box tells', () => {
  assert.deepEqual(missingAssignments(['b', 'd', 'f'], files, {}), ['cell extra.atf', 'x_10mVdepol.atf']);
  assert.deepEqual(missingAssignments(['d', 'f'], files, { d: { set: '2', voltageMv: '' }, f: { set: '2' } }), [
    'cell extra.atf',
  ]);
  assert.deepEqual(missingAssignments(['d'], files, { d: { set: ' 2 ', voltageMv: '-48' } }), []);
});

test('the run body: the panels settings without V2, assignments only for chosen files with filled boxes', () => {
  const settings = {
    fileId: 'b',
    mode: 'desktop',
    chain: { preset: 'raw' },
    params: { nCycles: 2, t0Ms: 20, v2Mv: -20 },
    startingPoint: 35,
  };
  const boxes = { d: { set: '2', voltageMv: '-48' }, a: { set: '' }, z: { set: '9', voltageMv: '1' } };
  assert.deepEqual(runBody(['b', 'd'], boxes, settings, ''), {
    fileIds: ['b', 'd'],
    params: { nCycles: 2, t0Ms: 20 },
    chain: { preset: 'raw' },
    assignments: { d: { set: '2', voltageMv: -48 } },
  });
  // A chosen mode is sent; the starting point only with the mode it was set for.
  assert.equal(runBody(['b'], {}, settings, 'desktop').startingPoint, 35);
  const standard = runBody(['b'], {}, settings, 'standard');
  assert.equal(standard.mode, 'standard');
  assert.equal('startingPoint' in standard, false);
  assert.equal('assignments' in standard, false);
});

test('more files than the API takes in one call run as a job', () => {
  const limits = { maxFilesPerCall: 24 };
  assert.equal(runsAsJob(24, limits), false);
  assert.equal(runsAsJob(25, limits), true);
});

const view = {
  analysisIds: { b: 'an-b', c: 'an-c', d: 'an-d' },
  sets: [
    {
      set: '2',
      points: [
        { id: 'd', excluded: false },
        { id: 'b', excluded: true },
        { id: 'c', excluded: false },
      ],
    },
  ],
};

test('a refit sends the analyses, the same assignments and the exclusions', () => {
  assert.deepEqual(refitBody(view, { d: { set: '2', voltageMv: '-48' } }, ['b']), {
    analysisIds: ['an-b', 'an-c', 'an-d'],
    assignments: { d: { set: '2', voltageMv: -48 } },
    excluded: ['b'],
  });
  assert.deepEqual(refitBody(view, {}, []), { analysisIds: ['an-b', 'an-c', 'an-d'] });
  assert.deepEqual(excludedOf(view), ['b']);
});

test('a set exports its analyses; lab-sets names the set for names that tell none', () => {
  assert.deepEqual(exportBody(view, view.sets[0], 'tidy-csv'), {
    analysisIds: ['an-d', 'an-b', 'an-c'],
    layout: 'tidy-csv',
  });
  assert.deepEqual(exportBody(view, view.sets[0], 'lab-sets').sets, { 'an-d': 2, 'an-b': 2, 'an-c': 2 });
  assert.equal('sets' in exportBody(view, { set: 'b', points: [{ id: 'b' }] }, 'lab-sets'), false);
});

test('exclusions toggle with undo and redo; a new toggle clears redo', () => {
  let s = exclusionReducer(NO_EXCLUSIONS, { type: 'load', excluded: ['x'] });
  assert.deepEqual(s.excluded, ['x']);
  s = exclusionReducer(s, { type: 'toggle', id: 'y' });
  assert.deepEqual(s.excluded, ['x', 'y']);
  s = exclusionReducer(s, { type: 'toggle', id: 'x' });
  assert.deepEqual(s.excluded, ['y']);
  s = exclusionReducer(s, { type: 'undo' });
  assert.deepEqual(s.excluded, ['x', 'y']);
  s = exclusionReducer(s, { type: 'undo' });
  assert.deepEqual(s.excluded, ['x']);
  assert.equal(exclusionReducer(s, { type: 'undo' }), s, 'nothing left to undo');
  s = exclusionReducer(s, { type: 'redo' });
  assert.deepEqual(s.excluded, ['x', 'y']);
  s = exclusionReducer(s, { type: 'toggle', id: 'z' });
  assert.deepEqual(s.redo, []);
  assert.equal(exclusionReducer(s, { type: 'redo' }), s);
  assert.throws(() => exclusionReducer(s, { type: 'nope' }));
});

test('the fit table: Qmax, V½ and k with SE and 95 % CI as written; none without a fit', () => {
  const rows = fitRows({
    qMaxPc: 2.00312,
    vHalfMv: -27.0449,
    slopeMv: 9.87654,
    standardErrors: { qMaxPc: 0.0123, vHalfMv: 0.3456, slopeMv: 0.2 },
    ci95: { qMaxPc: [1.97, 2.036], vHalfMv: [-27.81, -26.28], slopeMv: [9.43, 10.32] },
  });
  assert.deepEqual(
    rows.map((r) => [r.label, r.unit, r.value, r.se, r.ci]),
    [
      ['Qmax', 'pC', '2.003', '0.012', '[1.97, 2.036]'],
      ['V½', 'mV', '-27.04', '0.35', '[-27.81, -26.28]'],
      ['k', 'mV', '9.877', '0.2', '[9.43, 10.32]'],
    ],
  );
  assert.equal(rows[1].raw, -27.0449);
  assert.deepEqual(fitRows(undefined), []);
  assert.equal(fmtInterval([0.0001234, 12345678]), '[1.234e-4, 1.235e+7]');
});
