package org.signalanalyzer.functions.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.signalanalyzer.dsp.export.Layout;
import org.signalanalyzer.dsp.export.SetFileName;
import org.signalanalyzer.functions.analyses.AnalysisRequests;
import org.signalanalyzer.functions.analyses.AnalysisRunner;
import org.signalanalyzer.functions.analyses.AnalysisSummary;
import org.signalanalyzer.functions.analyses.ChargeVoltageRuns;
import org.signalanalyzer.functions.analyses.Exports;
import org.signalanalyzer.functions.analyses.RequestJson;
import org.signalanalyzer.functions.recordings.FileDescription;
import org.signalanalyzer.functions.recordings.RecordingFiles;
import org.signalanalyzer.functions.store.Documents;
import org.signalanalyzer.functions.store.Entry;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.store.SessionStore;
import org.signalanalyzer.functions.store.StoreConflictException;
import org.signalanalyzer.functions.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of a batch job: analyse each file with the job's settings (progress after each), then one export of
 * them all (per-set workbooks for lab-sets). A file that cannot be analysed, or (lab-sets) whose set is unknown, is
 * named in the message and skipped; the job fails only when nothing is left to export.
 */
@Singleton
public class BatchJobs {

    private static final Logger LOG = LoggerFactory.getLogger(BatchJobs.class);
    private static final int ABANDON_ATTEMPTS = 5;

    private final SessionStore store;
    private final Documents documents;
    private final AnalysisRunner runner;
    private final RecordingFiles files;
    private final Exports exports;
    private final Clock clock;
    private final ChargeVoltageJobs chargeVoltage;
    private final JobDeadline deadline;

    public BatchJobs(
            SessionStore store,
            Documents documents,
            RecordingFiles files,
            AnalysisRunner runner,
            Exports exports,
            Clock clock,
            ChargeVoltageJobs chargeVoltage,
            JobDeadline deadline) {
        this.deadline = deadline;
        this.store = store;
        this.documents = documents;
        this.runner = runner;
        this.files = files;
        this.exports = exports;
        this.clock = clock;
        this.chargeVoltage = chargeVoltage;
    }

    public void run(JobRequest request) {
        Optional<Session> found = store.findSession(request.sessionId(), clock.instant());
        if (found.isEmpty()) return;
        Session session = found.get();
        Optional<Entry> entry = documents.find(session, JobState.KIND, request.jobId());
        if (entry.isEmpty()) return;
        Entry current = entry.get();
        JobState job = documents.read(current, JobState.class);
        if (!JobState.QUEUED.equals(job.status())) return;
        if (deadline.isPastDeadline(job, clock.instant())) {
            // Its status already reads failed; running it now would change that answer after the fact.
            documents.replace(session, current, job.with(JobState.FAILED, 0, deadline.message(), List.of(), null));
            return;
        }
        if (ChargeVoltageRuns.JOB_KIND.equals(
                RequestJson.parse(job.request()).path("kind").asText())) {
            chargeVoltage.run(session, current, job);
            return;
        }
        current = documents.replace(session, current, job.with(JobState.RUNNING, 0, "", List.of(), null));
        List<String> analysisIds = new ArrayList<>();
        List<String> exported = new ArrayList<>();
        Map<String, Integer> setsByAnalysis = new HashMap<>();
        List<String> problems = new ArrayList<>();
        try {
            JsonNode body = RequestJson.parse(job.request());
            BatchRequest batch = BatchRequest.from(body);
            Layout layout = batch.layout();
            Map<String, Integer> setsByFile = batch.sets();
            for (int i = 0; i < job.fileIds().size(); i++) {
                String fileId = job.fileIds().get(i);
                String name = fileId;
                try {
                    FileDescription file = files.ready(session, fileId);
                    name = "'" + file.fileName() + "'";
                    AnalysisSummary s = runner.run(session, file, AnalysisRequests.parse(body, file));
                    analysisIds.add(s.analysisId());
                    Integer set = setsByFile.get(fileId);
                    if (layout == Layout.LAB_SETS
                            && set == null
                            && SetFileName.parse(file.fileName()).isEmpty()) {
                        // Skipped from the workbooks (its analysis stays in the history), not the whole batch.
                        problems.add(name + " skipped from the lab sets: its name tells no set (name it like "
                                + SetFileName.EXPECTED + ", or give its set in 'sets')");
                    } else {
                        exported.add(s.analysisId());
                        if (set != null) setsByAnalysis.put(s.analysisId(), set);
                    }
                } catch (ApiException e) {
                    problems.add(name + " skipped: " + e.getMessage());
                }
                current = documents.replace(
                        session,
                        current,
                        job.with(JobState.RUNNING, i + 1, String.join("; ", problems), List.copyOf(analysisIds), null));
            }
            if (exported.isEmpty()) {
                documents.replace(
                        session,
                        current,
                        job.with(
                                JobState.FAILED,
                                job.total(),
                                "No file could be exported: " + String.join("; ", problems),
                                List.copyOf(analysisIds),
                                null));
                return;
            }
            Exports.Stored export = exports.store(session, exported, layout, setsByAnalysis);
            documents.replace(
                    session,
                    current,
                    job.with(
                            JobState.DONE, job.total(), String.join("; ", problems), List.copyOf(analysisIds), export));
        } catch (RuntimeException e) {
            LOG.warn("job {} of session {} failed", request.jobId(), request.sessionId(), e);
            documents.replace(
                    session,
                    current,
                    job.with(
                            JobState.FAILED,
                            analysisIds.size(),
                            "The job stopped: " + e.getMessage(),
                            List.copyOf(analysisIds),
                            null));
        }
    }

    /**
     * Marks a job that is still queued or running as failed with {@code message}, keeping its progress. The worker
     * may still be writing progress, so a conflicting write is read again (bounded: each retry sees a newer version).
     */
    public void abandon(JobRequest request, String message) {
        Optional<Session> found = store.findSession(request.sessionId(), clock.instant());
        if (found.isEmpty()) return;
        Session session = found.get();
        for (int attempt = 0; attempt < ABANDON_ATTEMPTS; attempt++) {
            Optional<Entry> entry = documents.find(session, JobState.KIND, request.jobId());
            if (entry.isEmpty()) return;
            JobState job = documents.read(entry.get(), JobState.class);
            if (!JobState.QUEUED.equals(job.status()) && !JobState.RUNNING.equals(job.status())) return;
            try {
                documents.replace(
                        session, entry.get(), job.with(JobState.FAILED, job.done(), message, job.analysisIds(), null));
                return;
            } catch (StoreConflictException e) {
                LOG.debug("job {} changed while being marked failed; reading it again", request.jobId());
            }
        }
    }
}
