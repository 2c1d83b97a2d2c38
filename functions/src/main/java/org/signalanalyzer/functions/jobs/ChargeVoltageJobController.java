package org.signalanalyzer.functions.jobs;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.signalanalyzer.functions.analyses.ChargeVoltageRuns;
import org.signalanalyzer.functions.sessions.Caller;
import org.signalanalyzer.functions.store.Documents;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.web.ApiException;

/** The result of a charge-voltage set that ran as a job (POST /jobs, kind "charge-voltage"; docs/api.md). */
@Controller("/api/sessions/{sessionId}/charge-voltage/{jobId}")
public class ChargeVoltageJobController {

    private final Documents documents;
    private final ChargeVoltageRuns runs;

    public ChargeVoltageJobController(Documents documents, ChargeVoltageRuns runs) {
        this.documents = documents;
        this.runs = runs;
    }

    /**
     * The result of a charge-voltage job: 404 for an unknown job (or another kind), 409 while it is not done. The job
     * item is read first, so a missing result object is never asked for (S3 answers 403 for it without ListBucket).
     */
    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> result(@Caller Session session, String jobId) {
        JobState job = documents
                .find(session, JobState.KIND, jobId, JobState.class)
                .orElseThrow(ChargeVoltageJobController::unknownJob);
        if (!ChargeVoltageRuns.JOB_KIND.equals(job.layout())) throw unknownJob();
        if (!JobState.DONE.equals(job.status())) {
            throw ApiException.conflict("The charge-voltage job is " + job.status() + " (" + job.done() + " of "
                    + job.total() + " files)" + (job.message().isEmpty() ? "" : ": " + job.message()) + ".");
        }
        return HttpResponse.ok(runs.stored(session, jobId)
                .orElseThrow(() -> new IllegalStateException(
                        "charge-voltage job " + jobId + " is done but has no stored result")));
    }

    private static ApiException unknownJob() {
        return ApiException.notFound("No such charge-voltage job in this session.");
    }
}
