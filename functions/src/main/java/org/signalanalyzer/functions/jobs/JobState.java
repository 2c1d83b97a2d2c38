package org.signalanalyzer.functions.jobs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.signalanalyzer.functions.analyses.Exports;

/**
 * A batch job as stored: the request as the client sent it (re-parsed per file by the worker), progress, the
 * analyses made so far and, when done, where the export lies (its link is signed anew on every status read).
 */
@Serdeable
public record JobState(
        String jobId,
        String status,
        int done,
        int total,
        String message,
        List<String> fileIds,
        String request,
        String layout,
        List<String> analysisIds,
        @Nullable Exports.Stored export,
        Instant createdAt) {

    public static final String KIND = "job";
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    JobState with(
            String newStatus, int newDone, String newMessage, List<String> newAnalysisIds, Exports.Stored newExport) {
        return new JobState(
                jobId,
                newStatus,
                newDone,
                total,
                newMessage,
                fileIds,
                request,
                layout,
                newAnalysisIds,
                newExport,
                createdAt);
    }
}
