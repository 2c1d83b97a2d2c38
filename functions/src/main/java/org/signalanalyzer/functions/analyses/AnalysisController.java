package org.signalanalyzer.functions.analyses;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.functions.limits.SessionQuotas;
import org.signalanalyzer.functions.recordings.FileDescription;
import org.signalanalyzer.functions.recordings.RecordingFiles;
import org.signalanalyzer.functions.sessions.Caller;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.Documents;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.store.StoreConflictException;
import org.signalanalyzer.functions.web.ApiException;
import org.signalanalyzer.functions.web.ComputesFromRecording;

/**
 * Process: run shared-dsp's step-protocol analysis on a stored file, keep the result, list the history, keep the
 * adjustments made on screen.
 */
@Controller("/api/sessions/{sessionId}/analyses")
public class AnalysisController {

    private final Documents documents;
    private final RecordingFiles files;
    private final AnalysisRunner runner;
    private final AnalysisStore analyses;
    private final AnalysisViews views;
    private final SessionQuotas quotas;

    public AnalysisController(
            Documents documents,
            RecordingFiles files,
            AnalysisRunner runner,
            AnalysisStore analyses,
            AnalysisViews views,
            SessionQuotas quotas) {
        this.documents = documents;
        this.files = files;
        this.runner = runner;
        this.analyses = analyses;
        this.views = views;
        this.quotas = quotas;
    }

    @Serdeable
    public record AnalysisList(List<AnalysisSummary> analyses) {}

    /**
     * Body: docs/api.md "process". Answers 201 with the AnalysisView. With an {@code Idempotency-Key} header, a
     * repeated call (a retry after a lost answer or a gateway error) answers the analysis the first call made
     * instead of making a second one.
     */
    @ComputesFromRecording
    @Post(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> process(
            @Caller Session session, @Nullable @Header("Idempotency-Key") String idempotencyKey, @Body String body) {
        if (idempotencyKey != null && !BlobKeys.isId(idempotencyKey)) {
            throw ApiException.invalid("Idempotency-Key must be 6 to 64 characters of A-Z, a-z, 0-9, '-' and '_' "
                    + "(a random UUID without braces will do).");
        }
        if (idempotencyKey != null) {
            var earlier = documents.find(session, ProcessKey.KIND, idempotencyKey);
            if (earlier.isPresent())
                return created(
                        session, documents.read(earlier.get(), ProcessKey.class).analysisId());
        }
        JsonNode root = RequestJson.parse(body);
        String fileId = RequestJson.requiredText(root, "fileId");
        FileDescription file = files.ready(session, fileId);
        AnalysisRequest request = AnalysisRequests.parse(root, file);
        AnalysisSummary summary = quotas.forAnalysis(session).keepIf(() -> runner.run(session, file, request));
        if (idempotencyKey != null) {
            try {
                documents.create(session, ProcessKey.KIND, idempotencyKey, new ProcessKey(summary.analysisId()));
            } catch (StoreConflictException concurrent) {
                // Two calls with one key ran at once: both answer the analysis recorded first.
                return created(
                        session,
                        documents
                                .read(
                                        documents
                                                .find(session, ProcessKey.KIND, idempotencyKey)
                                                .orElseThrow(),
                                        ProcessKey.class)
                                .analysisId());
            }
        }
        // The summary in hand is the one just stored: no need to read it back.
        return created(session, summary);
    }

    /** Which analysis a process call with an Idempotency-Key made. */
    @Serdeable
    public record ProcessKey(String analysisId) {
        static final String KIND = "process-key";
    }

    private HttpResponse<String> created(Session session, String analysisId) {
        return created(session, analyses.summary(session, analysisId));
    }

    private HttpResponse<String> created(Session session, AnalysisSummary summary) {
        return HttpResponse.status(HttpStatus.CREATED).body(view(session, summary));
    }

    @Get
    public AnalysisList history(@Caller Session session) {
        List<AnalysisSummary> list = documents.list(session, AnalysisSummary.KIND, AnalysisSummary.class).stream()
                .sorted((a, b) -> a.createdAt().compareTo(b.createdAt()))
                .toList();
        return new AnalysisList(list);
    }

    /** Replaces the analysis's adjustments (docs/api.md, Adjustments); answers the AnalysisView they give. */
    @ComputesFromRecording
    @Put(uri = "/{analysisId}/adjustments", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> adjust(@Caller Session session, String analysisId, @Body String body) {
        AdjustmentsBody adjustments = AdjustmentsBody.parse(RequestJson.parse(body));
        return HttpResponse.ok(view(session, analyses.saveAdjustments(session, analysisId, adjustments)));
    }

    @Get(uri = "/{analysisId}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> get(@Caller Session session, String analysisId) {
        return HttpResponse.ok(view(session, analyses.summary(session, analysisId)));
    }

    private String view(Session session, AnalysisSummary summary) {
        AnalysisResult analysed = analyses.result(session, summary.analysisId());
        return views.view(summary, analysed, AnalysisStore.apply(summary.adjustments(), analysed));
    }
}
