// The only way the app talks to the backend: /api as in docs/api.md, plus the presigned URLs it hands out.
import { apiErrorFrom } from './errors.js';

const STORAGE_KEY = 'signal-analyzer.session';

export function loadStoredSession() {
  try {
    const s = JSON.parse(localStorage.getItem(STORAGE_KEY));
    return s && s.sessionId && s.token ? s : null;
  } catch {
    return null;
  }
}

export function storeSession(s) {
  if (s) localStorage.setItem(STORAGE_KEY, JSON.stringify({ sessionId: s.sessionId, token: s.token }));
  else localStorage.removeItem(STORAGE_KEY);
}

async function request(method, path, { token, body, signal, extraHeaders } = {}) {
  const headers = { Accept: 'application/json', ...extraHeaders };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch('/api' + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  const text = await res.text();
  if (!res.ok) throw apiErrorFrom(res.status, text, res.headers.get('Retry-After'));
  return text ? JSON.parse(text) : null;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  return q.toString();
}

// 502/504: the gateway gave up waiting (API Gateway stops at 29 s) while the function may still finish; 503: the
// function was throttled. Either way a retry with the same Idempotency-Key cannot make a second analysis.
const LOST_ANSWER_STATUSES = new Set([502, 503, 504]);

/** Whether the server may have done the work even though no answer arrived. */
export function isLostAnswer(error) {
  return error?.name === 'TypeError' || LOST_ANSWER_STATUSES.has(error?.status);
}

/** A key for one user action, sent again with every retry of it (docs/api.md: 6–64 of [A-Za-z0-9_-]). */
export function newIdempotencyKey() {
  return globalThis.crypto.randomUUID();
}

/**
 * Calls `attempt(key)` and, when the answer is lost, once more with the same key after `delayMs`: the server then
 * answers what the first call made instead of doing it twice.
 */
export async function retryLostAnswer(attempt, { key = newIdempotencyKey(), delayMs = 1500 } = {}) {
  try {
    return await attempt(key);
  } catch (e) {
    if (!isLostAnswer(e)) throw e;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return attempt(key);
  }
}

/** A client bound to one session. */
export function sessionApi({ sessionId, token }, { retryDelayMs } = {}) {
  const s = `/sessions/${encodeURIComponent(sessionId)}`;
  const call = (method, path, body, signal, extraHeaders) =>
    request(method, s + path, { token, body, signal, extraHeaders });
  return {
    get: () => call('GET', ''),
    remove: () => call('DELETE', ''),
    files: () => call('GET', '/files'),
    deleteFile: (fileId) => call('DELETE', `/files/${fileId}`),
    requestUpload: (fileName, contentType, sizeBytes) => call('POST', '/uploads', { fileName, contentType, sizeBytes }),
    complete: (fileId) => call('POST', `/files/${fileId}/complete`),
    trace: (fileId, p, signal) => call('GET', `/files/${fileId}/trace?${query(p)}`, undefined, signal),
    filter: (fileId, body, signal) => call('POST', `/files/${fileId}/filter`, body, signal),
    analyze: (body) =>
      retryLostAnswer((key) => call('POST', '/analyses', body, undefined, { 'Idempotency-Key': key }), {
        delayMs: retryDelayMs,
      }),
    analyses: () => call('GET', '/analyses'),
    analysis: (id) => call('GET', `/analyses/${id}`),
    integrals: (id, ranges) => call('POST', `/analyses/${id}/integrals`, ranges),
    fit: (id, body) => call('POST', `/analyses/${id}/fits`, body),
    adjust: (id, adjustments) => call('PUT', `/analyses/${id}/adjustments`, adjustments),
    exportAnalyses: (analysisIds, layout, sets) =>
      call('POST', '/exports', sets ? { analysisIds, layout, sets } : { analysisIds, layout }),
    startJob: (body) => call('POST', '/jobs', body),
    job: (jobId) => call('GET', `/jobs/${jobId}`),
    chargeVoltage: (body) => call('POST', '/charge-voltage', body),
    chargeVoltageResult: (jobId) => call('GET', `/charge-voltage/${jobId}`),
  };
}

/** POST /api/sessions; `body` carries the lab's access code when one is asked for. */
export function createSession(body = {}) {
  return request('POST', '/sessions', { body });
}

/** GET /api/config: every preset, default, rule and limit the page shows. */
export function fetchConfig() {
  return request('GET', '/config');
}

/**
 * PUTs a file straight to its presigned URL with exactly the headers the API named. XMLHttpRequest, because fetch
 * reports no upload progress. `onProgress(fraction)` runs as bytes leave the browser.
 */
export function putToPresignedUrl(upload, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method || 'PUT', upload.uploadUrl);
    for (const [k, v] of Object.entries(upload.headers || {})) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else {
        reject(
          new Error(
            `the storage refused the upload (HTTP ${xhr.status}); the file may have changed since it was chosen.`,
          ),
        );
      }
    };
    xhr.onerror = () => reject(new Error('the upload was interrupted; check the connection and try again.'));
    xhr.send(file);
  });
}

/** Starts a browser download of a presigned GET link. */
export function download(url, fileName) {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName || '';
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
