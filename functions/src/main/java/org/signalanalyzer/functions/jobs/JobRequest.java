package org.signalanalyzer.functions.jobs;

import io.micronaut.serde.annotation.Serdeable;

/** What a job worker invocation receives: which job of which session to run. */
@Serdeable
public record JobRequest(String sessionId, String jobId) {}
