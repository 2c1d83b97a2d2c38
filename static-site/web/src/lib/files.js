// What the upload step checks before asking for a presigned URL (docs/api.md, uploads); the API checks again.
export const ACCEPTED_EXTENSIONS = ['.atf', '.abf', '.csv', '.txt'];
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export function extensionOf(name) {
  const i = name.lastIndexOf('.');
  return i < 0 ? '' : name.slice(i).toLowerCase();
}

/** The Content-Type declared for an upload: the browser knows none for .atf/.abf. */
export function contentTypeFor(name) {
  switch (extensionOf(name)) {
    case '.csv': return 'text/csv';
    case '.txt':
    case '.atf': return 'text/plain';
    default: return 'application/octet-stream';
  }
}

/** A message for a file the API would refuse anyway, or null. */
export function checkFile(file, maxBytes = DEFAULT_MAX_BYTES) {
  const ext = extensionOf(file.name);
  if (!ACCEPTED_EXTENSIONS.includes(ext)) {
    return `${file.name}: ${ext || 'no extension'} is not a recording type; use ATF, ABF, CSV or TXT.`;
  }
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > maxBytes) {
    return `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB.`;
  }
  return null;
}
