package org.signalanalyzer.functions.analyses;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import org.signalanalyzer.functions.limits.SessionQuotas;
import org.signalanalyzer.functions.sessions.Caller;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.web.ApiException;
import org.signalanalyzer.functions.web.ComputesFromRecording;

/**
 * Charge–voltage sets (docs/api.md): the files of one or more sets analysed and fitted in one call, or analyses
 * already run refitted (exclusions, assignments). A set longer than {@link #MAX_FILES_PER_CALL} files runs as a job
 * (POST /jobs, kind "charge-voltage"), whose result {@code ChargeVoltageJobController} answers once it is done.
 */
@Controller("/api/sessions/{sessionId}/charge-voltage")
public class ChargeVoltageController {

    /**
     * Files analysed in one call. Measured: {@code qv} on twelve 100 kHz, 0.75 s ATF files takes 3.0 s wall with
     * the JVM's start on a shared 2-core machine (about 0.2 s a file to read and analyse); each stored analysis adds
     * an S3 and a DynamoDB write. 24 files stay well under API Gateway's 29 s even at twice that per file.
     */
    public static final int MAX_FILES_PER_CALL = 24;
    /** Stored analyses refitted in one call (no analysis runs; reading them is the cost). */
    public static final int MAX_ANALYSES_PER_CALL = 200;

    private final ChargeVoltageRuns runs;
    private final SessionQuotas quotas;

    public ChargeVoltageController(ChargeVoltageRuns runs, SessionQuotas quotas) {
        this.runs = runs;
        this.quotas = quotas;
    }

    @ComputesFromRecording
    @Post(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> fit(@Caller Session session, @Body String body) {
        JsonNode root = RequestJson.parse(body);
        JsonNode files = root.get("fileIds");
        if (files != null && files.isArray() && files.size() > MAX_FILES_PER_CALL) {
            throw ApiException.invalid(files.size() + " files are more than one call analyses within API Gateway's "
                    + "29 s (" + MAX_FILES_PER_CALL + " at most): start a job instead, POST /api/sessions/"
                    + session.sessionId() + "/jobs with \"kind\": \"" + ChargeVoltageRuns.JOB_KIND
                    + "\" and the same body, then GET /api/sessions/" + session.sessionId()
                    + "/charge-voltage/{jobId} when it is done.");
        }
        ChargeVoltageRuns.Plan plan = runs.plan(session, root, MAX_ANALYSES_PER_CALL);
        // Each file of the set becomes an analysis of the session; a refit of stored analyses makes none.
        return HttpResponse.ok(RequestJson.write(
                quotas.forAnalyses(session, plan.files().size()).keepIf(() -> runs.run(session, plan, done -> {}))));
    }
}
