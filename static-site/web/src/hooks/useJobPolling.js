import { useEffect } from 'react';
import { jobActive } from '../lib/jobs.js';

/**
 * Polls a job once a second while it is active, keeping its latest state with `setJob`. `onEnd(next, jobId)` runs once
 * when it has ended (done or failed); `onError(e)` when its state could not be read or `onEnd` failed. Both must
 * be stable (useCallback): a new function restarts the wait.
 */
export function useJobPolling(api, job, setJob, onEnd, onError) {
  useEffect(() => {
    if (!job?.jobId || !jobActive(job)) return undefined;
    const t = setTimeout(async () => {
      try {
        const next = await api.job(job.jobId);
        setJob(next);
        if (!jobActive(next)) await onEnd(next, job.jobId);
      } catch (e) {
        onError(e);
      }
    }, 1000);
    return () => clearTimeout(t);
  }, [job, api, setJob, onEnd, onError]);
}
