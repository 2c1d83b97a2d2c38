package org.signalanalyzer.functions.analyses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.functions.api.Documents;
import org.signalanalyzer.functions.api.SessionAccess;
import org.signalanalyzer.functions.limits.SessionQuotas;
import org.signalanalyzer.functions.recordings.FileDescription;
import org.signalanalyzer.functions.store.Session;

/** Process: run shared-dsp's step-protocol analysis on a stored file, keep the result, list the history. */
@Controller("/api/sessions/{sessionId}/analyses")
public class AnalysisController {

    private final SessionAccess access;
    private final Documents documents;
    private final AnalysisRunner runner;
    private final AnalysisStore analyses;
    private final JsonMapper json;
    private final SessionQuotas quotas;

    public AnalysisController(SessionAccess access, Documents documents, AnalysisRunner runner,
                              AnalysisStore analyses, JsonMapper json, SessionQuotas quotas) {
        this.access = access;
        this.documents = documents;
        this.runner = runner;
        this.analyses = analyses;
        this.json = json;
        this.quotas = quotas;
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
        AnalysisSummary summary = quotas.forAnalysis(session).keepIf(() -> runner.run(session, file, request));
        return HttpResponse.status(HttpStatus.CREATED).body(view(summary, analyses.result(session, summary.analysisId())));
    }

    @Get
    public AnalysisList history(String sessionId, @Nullable @Header("Authorization") String authorization) {
        Session session = access.open(sessionId, authorization);
        List<AnalysisSummary> list = documents.list(session, AnalysisSummary.KIND, AnalysisSummary.class).stream()
                .sorted((a, b) -> a.createdAt().compareTo(b.createdAt())).toList();
        return new AnalysisList(list);
    }

    @Get(uri = "/{analysisId}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> get(String sessionId, String analysisId,
                                    @Nullable @Header("Authorization") String authorization) {
        Session session = access.open(sessionId, authorization);
        AnalysisSummary summary = analyses.summary(session, analysisId);
        return HttpResponse.ok(view(summary, analyses.result(session, analysisId)));
    }

    /**
     * {analysisId, fileId, fileName, createdAt, summary, result}: result is shared-dsp's own JSON, with the long
     * curves of a standard-mode result display-decimated ({@link DisplayCurves}); displayIndices names, per
     * decimated curve, the full curve's index of every point shown (what the fits endpoint takes).
     */
    private String view(AnalysisSummary summary, AnalysisResult result) {
        try {
            ObjectNode view = RequestJson.object();
            view.put("analysisId", summary.analysisId());
            view.put("fileId", summary.fileId());
            view.put("fileName", summary.fileName());
            view.put("createdAt", summary.createdAt().toString());
            view.set("summary", RequestJson.tree(json.writeValueAsString(summary)));
            JsonNode tree = RequestJson.tree(result.toJson());
            ObjectNode displayIndices = view.objectNode();
            if (result.mode() == AnalysisMode.STANDARD && tree instanceof ObjectNode curves) {
                DisplayCurves.decimate(curves).forEach((curve, indices) -> {
                    var list = displayIndices.putArray(curve);
                    for (int i : indices) list.add(i);
                });
            }
            view.set("result", tree);
            view.set("displayIndices", displayIndices);
            return RequestJson.write(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
