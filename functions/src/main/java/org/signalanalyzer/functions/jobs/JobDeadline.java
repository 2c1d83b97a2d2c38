package org.signalanalyzer.functions.jobs;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a job may stay unfinished ({@code signal.jobs.deadline}). Past it, a queued or running job is failed
 * whatever its item says: a worker that was killed (timeout, out of memory) and whose failure record never
 * arrived must not leave the browser polling forever.
 */
@Singleton
public class JobDeadline {

    private final Duration limit;

    public JobDeadline(@Value("${signal.jobs.deadline}") Duration limit) {
        this.limit = limit;
    }

    boolean isPastDeadline(JobState job, Instant now) {
        boolean unfinished = JobState.QUEUED.equals(job.status()) || JobState.RUNNING.equals(job.status());
        return unfinished && job.createdAt().plus(limit).isBefore(now);
    }

    String message() {
        return "The batch did not finish within " + limit.toMinutes() + " minutes and was given up; start it again.";
    }
}
