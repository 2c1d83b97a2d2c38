package org.signalanalyzer.functions.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Clock;
import java.util.List;
import org.signalanalyzer.functions.analyses.AnalysisRequests;
import org.signalanalyzer.functions.analyses.ChargeVoltageRuns;
import org.signalanalyzer.functions.analyses.Exports;
import org.signalanalyzer.functions.analyses.RequestJson;
import org.signalanalyzer.functions.limits.SessionQuotas;
import org.signalanalyzer.functions.recordings.FileDescription;
import org.signalanalyzer.functions.recordings.RecordingFiles;
import org.signalanalyzer.functions.sessions.Caller;
import org.signalanalyzer.functions.sessions.Tokens;
import org.signalanalyzer.functions.store.Documents;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.web.ApiException;

/** Asynchronous batch jobs: the call answers a job id at once; the status tells progress and the result link. */
@Controller("/api/sessions/{sessionId}/jobs")
public class JobController {

    /** A batch is one Lambda invocation (15 min at most); this many files fit with room to spare. */
    public static final int MAX_FILES = 200;

    private final Documents documents;
    private final RecordingFiles files;
    private final Exports exports;
    private final JobRunner jobRunner;
    private final Clock clock;
    private final ChargeVoltageRuns chargeVoltageRuns;
    private final JobDeadline deadline;
    private final SessionQuotas quotas;

    public JobController(
            Documents documents,
            RecordingFiles files,
            Exports exports,
            JobRunner jobRunner,
            Clock clock,
            ChargeVoltageRuns chargeVoltageRuns,
            JobDeadline deadline,
            SessionQuotas quotas) {
        this.chargeVoltageRuns = chargeVoltageRuns;
        this.deadline = deadline;
        this.documents = documents;
        this.files = files;
        this.exports = exports;
        this.jobRunner = jobRunner;
        this.clock = clock;
        this.quotas = quotas;
    }

    @Serdeable
    public record Accepted(String jobId, String status) {}

    @Serdeable
    public record Status(
            String jobId,
            String status,
            int done,
            int total,
            String message,
            @Nullable Exports.Link export) {}

    @Post
    public HttpResponse<Accepted> start(@Caller Session session, @Body String body) {
        JsonNode root = RequestJson.parse(body);
        String kind = root.path("kind").asText("batch");
        if (ChargeVoltageRuns.JOB_KIND.equals(kind)) return chargeVoltage(session, root, body);
        if (!"batch".equals(kind)) {
            throw ApiException.invalid("kind must be \"batch\" or \"" + ChargeVoltageRuns.JOB_KIND + "\".");
        }
        BatchRequest batch = BatchRequest.from(root);
        for (String fileId : batch.fileIds()) AnalysisRequests.parse(root, files.ready(session, fileId));
        return queue(
                session,
                new JobState(
                        Tokens.newId(),
                        JobState.QUEUED,
                        0,
                        batch.fileIds().size(),
                        "",
                        batch.fileIds(),
                        body,
                        batch.layout().label(),
                        List.of(),
                        null,
                        clock.instant()));
    }

    /** Checked as the call would check it (files, assignments, exclusions); the result is read from /charge-voltage. */
    private HttpResponse<Accepted> chargeVoltage(Session session, JsonNode root, String body) {
        ChargeVoltageRuns.Plan plan = chargeVoltageRuns.plan(session, root, MAX_FILES);
        List<String> fileIds =
                plan.files().stream().map(FileDescription::fileId).toList();
        return queue(
                session,
                new JobState(
                        Tokens.newId(),
                        JobState.QUEUED,
                        0,
                        plan.size(),
                        "",
                        fileIds,
                        body,
                        ChargeVoltageRuns.JOB_KIND,
                        List.of(),
                        null,
                        clock.instant()));
    }

    /** Takes the job's room in the session's quotas first; a job that cannot start gives it back. */
    private HttpResponse<Accepted> queue(Session session, JobState job) {
        String jobId = job.jobId();
        quotas.forJob(session, job.total()).keepIf(() -> {
            documents.create(session, JobState.KIND, jobId, job);
            try {
                jobRunner.submit(new JobRequest(session.sessionId(), jobId));
            } catch (RuntimeException e) {
                // Nothing will ever run it: a job left "queued" would be polled forever.
                documents.delete(session, JobState.KIND, jobId);
                throw e;
            }
            return jobId;
        });
        return HttpResponse.accepted().body(new Accepted(jobId, JobState.QUEUED));
    }

    @Get("/{jobId}")
    public Status status(@Caller Session session, String jobId) {
        JobState job = documents
                .find(session, JobState.KIND, jobId, JobState.class)
                .orElseThrow(() -> ApiException.notFound("No such job in this session."));
        if (deadline.isPastDeadline(job, clock.instant())) {
            return new Status(job.jobId(), JobState.FAILED, job.done(), job.total(), deadline.message(), null);
        }
        return new Status(
                job.jobId(),
                job.status(),
                job.done(),
                job.total(),
                job.message(),
                job.export() == null ? null : exports.link(job.export()));
    }
}
