// What the upload step checks before asking for a presigned URL; the accepted extensions and the size limit are
// the API's (GET /api/config, `uploads`), which checks again.

export function extensionOf(name) {
  const i = name.lastIndexOf('.');
  return i < 0 ? '' : name.slice(i).toLowerCase();
}

/** The Content-Type declared for an upload: the browser knows none for .atf/.abf. */
export function contentTypeFor(name) {
  switch (extensionOf(name)) {
    case '.csv':
      return 'text/csv';
    case '.txt':
    case '.atf':
      return 'text/plain';
    default:
      return 'application/octet-stream';
  }
}

const mb = (bytes) => bytes / 1048576;

/** A message for a file the API would refuse anyway, or null. `uploads` is the config's {maxBytes, extensions}. */
export function checkFile(file, uploads) {
  const ext = extensionOf(file.name);
  if (!uploads.extensions.includes(ext)) {
    const names = uploads.extensions.map((e) => e.slice(1).toUpperCase()).join(', ');
    return `${file.name}: ${ext || 'no extension'} is not a recording type; use ${names}.`;
  }
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > uploads.maxBytes) {
    return `${file.name} is ${mb(file.size).toFixed(1)} MB; the limit is ${Number(mb(uploads.maxBytes).toFixed(1))} MB.`;
  }
  return null;
}
