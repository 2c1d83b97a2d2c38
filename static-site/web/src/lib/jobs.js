/** A job the API is still working on (queued or running): polled, and its panel shows progress. */
export const jobActive = (job) => job?.status === 'queued' || job?.status === 'running';
