package org.signalanalyzer.functions.jobs;

import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The job worker's OnFailure destination (template.yaml, EventInvokeConfig with no retries). Lambda sends it the
 * failure record of an asynchronous invocation that did not succeed: the worker timed out, ran out of memory,
 * crashed, or the event was too old to run. The record's {@code requestPayload} is the {@link JobRequest}; the job
 * it names is marked failed with Lambda's reason, so it never stays "queued" or "running".
 */
public class JobFailureFunction extends MicronautRequestHandler<Map<String, Object>, Void> {

    @Inject
    BatchJobs jobs;

    @Override
    public Void execute(Map<String, Object> failureRecord) {
        JobFailureRecord failure = JobFailureRecord.of(failureRecord);
        jobs.abandon(failure.request(), "The batch stopped: " + failure.reason() + ". Start it again.");
        return null;
    }
}
