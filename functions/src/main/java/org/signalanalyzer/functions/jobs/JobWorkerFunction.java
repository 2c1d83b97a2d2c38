package org.signalanalyzer.functions.jobs;

import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/** The job worker Lambda: invoked asynchronously by {@link LambdaJobRunner} with a {@link JobRequest}. */
public class JobWorkerFunction extends MicronautRequestHandler<JobRequest, Void> {

    @Inject
    BatchJobs jobs;

    @Override
    public Void execute(JobRequest request) {
        jobs.run(request);
        return null;
    }
}
