package org.signalanalyzer.functions.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.signalanalyzer.functions.analyses.ChargeVoltageRuns;
import org.signalanalyzer.functions.analyses.RequestJson;
import org.signalanalyzer.functions.store.Documents;
import org.signalanalyzer.functions.store.Entry;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of a charge-voltage job: every file analysed (progress after each), the sets fitted, the result stored
 * for GET /charge-voltage/{jobId}. Unlike a batch, one file that cannot be analysed fails the job: a set fitted
 * without one of its points would be a different result than the one asked for.
 */
@Singleton
public class ChargeVoltageJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ChargeVoltageJobs.class);

    private final Documents documents;
    private final ChargeVoltageRuns runs;

    public ChargeVoltageJobs(Documents documents, ChargeVoltageRuns runs) {
        this.documents = documents;
        this.runs = runs;
    }

    /** Runs a queued job (the caller checked that it is queued). */
    void run(Session session, Entry queued, JobState job) {
        Entry[] current = {documents.replace(session, queued, job.with(JobState.RUNNING, 0, "", List.of(), null))};
        try {
            ChargeVoltageRuns.Plan plan = runs.plan(session, RequestJson.parse(job.request()), JobController.MAX_FILES);
            ObjectNode view = runs.run(
                    session,
                    plan,
                    done -> current[0] = documents.replace(
                            session, current[0], job.with(JobState.RUNNING, done, "", List.of(), null)));
            runs.store(session, job.jobId(), view);
            List<String> analysisIds =
                    view.has("analysisIds") ? List.copyOf(iterable(view.get("analysisIds"))) : List.of();
            documents.replace(session, current[0], job.with(JobState.DONE, job.total(), "", analysisIds, null));
        } catch (ApiException e) {
            documents.replace(session, current[0], job.with(JobState.FAILED, 0, e.getMessage(), List.of(), null));
        } catch (RuntimeException e) {
            LOG.warn("charge-voltage job {} of session {} failed", job.jobId(), session.sessionId(), e);
            documents.replace(
                    session,
                    current[0],
                    job.with(JobState.FAILED, 0, "The job stopped: " + e.getMessage(), List.of(), null));
        }
    }

    private static List<String> iterable(JsonNode ids) {
        List<String> out = new ArrayList<>();
        ids.fields().forEachRemaining(e -> out.add(e.getValue().asText()));
        return out;
    }
}
