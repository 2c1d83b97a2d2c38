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
import org.signalanalyzer.functions.api.Documents;
import org.signalanalyzer.functions.api.SessionAccess;
import org.signalanalyzer.functions.recordings.FileDescription;
import org.signalanalyzer.functions.store.Session;

/**
 * Process: run shared-dsp's step-protocol analysis on a stored file, keep the result, list the history, keep the
 * adjustments made on screen.
 */
@Controller("/api/sessions/{sessionId}/analyses")
public class AnalysisController {

    private final SessionAccess access;
    private final Documents documents;
    private final AnalysisRunner runner;
    private final AnalysisStore analyses;
    private final AnalysisViews views;

    public AnalysisController(SessionAccess access, Documents documents, AnalysisRunner runner,
                              AnalysisStore analyses, AnalysisViews views) {
        this.access = access;
        this.documents = documents;
        this.runner = runner;
        this.analyses = analyses;
        this.views = views;
    }

    @Serdeable
    public record AnalysisList(List<AnalysisSummary> analyses) { }

    /** Body: docs/api.md "process". Answers 201 with the AnalysisView. */
    @Post(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> process(String sessionId, @Nullable @Header("Authorization") String authorization,
                                        @Body String body) {
        Session session = access.open(sessionId, authorization);
        JsonNode root = RequestJson.parse(body);
        String fileId = RequestJson.requiredText(root, "fileId");
        FileDescription file = runner.readyFile(session, fileId);
        AnalysisRequest request = AnalysisRequests.parse(root, file);
        AnalysisSummary summary = runner.run(session, file, request);
        return HttpResponse.status(HttpStatus.CREATED).body(view(session, summary));
    }

    @Get
    public AnalysisList history(String sessionId, @Nullable @Header("Authorization") String authorization) {
        Session session = access.open(sessionId, authorization);
        List<AnalysisSummary> list = documents.list(session, AnalysisSummary.KIND, AnalysisSummary.class).stream()
                .sorted((a, b) -> a.createdAt().compareTo(b.createdAt())).toList();
        return new AnalysisList(list);
    }

    /** Replaces the analysis's adjustments (docs/api.md, Adjustments); answers the AnalysisView they give. */
    @Put(uri = "/{analysisId}/adjustments", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> adjust(String sessionId, String analysisId,
                                       @Nullable @Header("Authorization") String authorization, @Body String body) {
        Session session = access.open(sessionId, authorization);
        AdjustmentsBody adjustments = AdjustmentsBody.parse(RequestJson.parse(body));
        return HttpResponse.ok(view(session, analyses.saveAdjustments(session, analysisId, adjustments)));
    }

    @Get(uri = "/{analysisId}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> get(String sessionId, String analysisId,
                                    @Nullable @Header("Authorization") String authorization) {
        Session session = access.open(sessionId, authorization);
        return HttpResponse.ok(view(session, analyses.summary(session, analysisId)));
    }

    private String view(Session session, AnalysisSummary summary) {
        AnalysisResult analysed = analyses.result(session, summary.analysisId());
        return views.view(summary, analysed, AnalysisStore.apply(summary.adjustments(), analysed));
    }
}
