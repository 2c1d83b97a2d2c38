import test from 'node:test';
import assert from 'node:assert/strict';
import { sessionApi, isLostAnswer } from './api.js';

/** A stand-in for fetch that answers from a list and records what was sent. */
function scriptedFetch(answers) {
  const calls = [];
  globalThis.fetch = async (url, init) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (next instanceof Error) throw next;
    return {
      ok: next.status >= 200 && next.status < 300,
      status: next.status,
      text: async () => JSON.stringify(next.body ?? {}),
      headers: { get: () => null },
    };
  };
  return calls;
}

const api = () => sessionApi({ sessionId: 's1', token: 't' }, { retryDelayMs: 1 });

test('analyze sends an Idempotency-Key the API accepts', async () => {
  const calls = scriptedFetch([{ status: 201, body: { analysisId: 'a1' } }]);
  const view = await api().analyze({ fileId: 'f1' });
  assert.equal(view.analysisId, 'a1');
  assert.match(calls[0].init.headers['Idempotency-Key'], /^[A-Za-z0-9_-]{6,64}$/);
});

test('a lost answer (504, network) is retried once with the same key', async () => {
  for (const lost of [{ status: 504, body: { error: 'upstream_timeout' } }, new TypeError('Failed to fetch')]) {
    const calls = scriptedFetch([lost, { status: 201, body: { analysisId: 'a1' } }]);
    const view = await api().analyze({ fileId: 'f1' });
    assert.equal(view.analysisId, 'a1');
    assert.equal(calls.length, 2);
    assert.equal(calls[1].init.headers['Idempotency-Key'], calls[0].init.headers['Idempotency-Key']);
  }
});

test('a refusal is not retried, and two actions get two keys', async () => {
  const calls = scriptedFetch([
    { status: 422, body: { error: 'analysis_failed', message: 'no steps' } },
    { status: 201, body: { analysisId: 'a1' } },
    { status: 201, body: { analysisId: 'a2' } },
  ]);
  await assert.rejects(api().analyze({ fileId: 'f1' }), /no steps/);
  assert.equal(calls.length, 1);
  await api().analyze({ fileId: 'f1' });
  await api().analyze({ fileId: 'f1' });
  assert.notEqual(calls[1].init.headers['Idempotency-Key'], calls[2].init.headers['Idempotency-Key']);
  assert.equal(isLostAnswer({ status: 429 }), false);
});
