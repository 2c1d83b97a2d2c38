import { useCallback, useRef, useState } from 'react';
import { putToPresignedUrl } from '../lib/api.js';
import { formatError } from '../lib/errors.js';
import { checkFile, contentTypeFor } from '../lib/files.js';

/**
 * Uploads: a presigned PUT straight to storage, then `complete` parses the file once. Checks type and size
 * against the API's limits (config.uploads). Finished and failed rows can be dismissed.
 */
export function useUploads(api, uploadRules, onReady) {
  const [uploads, setUploads] = useState([]);
  const clock = useRef(null);
  const update = (key, patch) => setUploads((us) => us.map((u) => (u.key === key ? { ...u, ...patch } : u)));

  const uploadOne = async (f, key) => {
    const bad = checkFile(f, uploadRules);
    if (bad) return update(key, { state: 'error', error: bad });
    try {
      const target = await api.requestUpload(f.name, contentTypeFor(f.name), f.size);
      update(key, { state: 'uploading', label: '0 %', progress: 0 });
      await putToPresignedUrl(target, f, (p) => update(key, { progress: p, label: `${Math.round(p * 100)} %` }));
      update(key, { state: 'reading', label: 'reading…', progress: null });
      const desc = await api.complete(target.fileId);
      update(key, { state: 'done', label: 'ready' });
      return desc;
    } catch (e) {
      update(key, { state: 'error', error: formatError(e, f.name) });
      return null;
    }
  };

  const start = async (list) => {
    if (!api || !uploadRules) return;
    clock.current = performance.now();
    const batch = list.map((f, i) => ({
      key: `${Date.now()}-${i}-${f.name}`,
      name: f.name,
      state: 'queued',
      label: 'waiting',
      progress: 0,
    }));
    setUploads((us) => [...batch, ...us].slice(0, 12));
    const done = await Promise.all(list.map((f, i) => uploadOne(f, batch[i].key)));
    onReady(done.filter(Boolean));
  };

  const dismiss = useCallback((key) => setUploads((us) => us.filter((u) => u.key !== key)), []);
  const reset = useCallback(() => setUploads([]), []);
  return { uploads, start, dismiss, reset, clock };
}
