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

async function request(method, path, { token, body, signal } = {}) {
  const headers = { Accept: 'application/json' };
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

/** A client bound to one session. */
export function sessionApi({ sessionId, token }) {
  const s = `/sessions/${encodeURIComponent(sessionId)}`;
  const call = (method, path, body, signal) => request(method, s + path, { token, body, signal });
  return {
    get: () => call('GET', ''),
    remove: () => call('DELETE', ''),
    files: () => call('GET', '/files'),
    deleteFile: (fileId) => call('DELETE', `/files/${fileId}`),
    requestUpload: (fileName, contentType, sizeBytes) => call('POST', '/uploads', { fileName, contentType, sizeBytes }),
    complete: (fileId) => call('POST', `/files/${fileId}/complete`),
    trace: (fileId, p, signal) => call('GET', `/files/${fileId}/trace?${query(p)}`, undefined, signal),
    filter: (fileId, body, signal) => call('POST', `/files/${fileId}/filter`, body, signal),
    analyze: (body) => call('POST', '/analyses', body),
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
