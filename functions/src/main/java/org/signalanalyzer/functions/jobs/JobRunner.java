package org.signalanalyzer.functions.jobs;

/**
 * Starts a job's work outside the request that created it: on AWS an asynchronous invocation of the job worker
 * function ({@link LambdaJobRunner}), locally and in tests a bounded thread pool ({@link ThreadPoolJobRunner}).
 * Chosen by {@code signal.jobs.runner}: {@code lambda} or {@code threads} (the default).
 */
public interface JobRunner {

    /** Hands the job over; throws {@link JobsBusyException} when no more work can be accepted now. */
    void submit(JobRequest request);
}
