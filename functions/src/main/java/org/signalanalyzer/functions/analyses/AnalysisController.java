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
import java.time.Clock;
import java.util.List;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.InvalidAnalysisParameterException;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.functions.api.ApiException;
import org.signalanalyzer.functions.api.Documents;
import org.signalanalyzer.functions.api.SessionAccess;
import org.signalanalyzer.functions.api.Tokens;
import org.signalanalyzer.functions.recordings.FileDescription;
import org.signalanalyzer.functions.recordings.RecordingArchive;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.Session;

/** Process: run shared-dsp's step-protocol analysis on a stored file, keep the result, list the history. */
@Controller("/api/sessions/{sessionId}/analyses")
public class AnalysisController {

    private final SessionAccess access;
    private final Documents documents;
    private final RecordingArchive archive;
    private final AnalysisStore analyses;
    private final JsonMapper json;
    private final Clock clock;

    public AnalysisController(SessionAccess access, Documents documents, RecordingArchive archive,
                              AnalysisStore analyses, JsonMapper json, Clock clock) {
        this.access = access;
        this.documents = documents;
        this.archive = archive;
        this.analyses = analyses;
        this.json = json;
        this.clock = clock;
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
        FileDescription file = readyFile(session, fileId);
        AnalysisRequest request = AnalysisRequests.parse(root, file);
        AnalysisSummary summary = run(session, file, request);
        return HttpResponse.status(HttpStatus.CREATED).body(view(summary, analyses.result(session, summary.analysisId())));
    }

    /** Runs and stores one analysis; shared with the batch jobs. */
    public AnalysisSummary run(Session session, FileDescription file, AnalysisRequest request) {
        Recording recording = archive.load(session.sessionId(), file.fileId());
        AnalysisResult result;
        try {
            result = StepProtocolAnalysis.run(recording, request,
                    new StepProtocolAnalysis.Input(file.fileName(), file.sha256()));
        } catch (InvalidAnalysisParameterException e) {
            throw ApiException.invalid(e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException | ArithmeticException e) {
            throw ApiException.analysisFailed("The analysis cannot run on '" + file.fileName() + "': " + e.getMessage());
        }
        AnalysisSummary summary = AnalysisSummary.of(Tokens.newId(), file.fileId(), file.fileName(), clock.instant(),
                request.sweep(), request.channel(), result);
        analyses.save(session, summary, result);
        return summary;
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

    FileDescription readyFile(Session session, String fileId) {
        if (!BlobKeys.isId(fileId)) throw ApiException.notFound("No such file in this session.");
        FileDescription file = documents.read(documents.find(session, FileDescription.KIND, fileId)
                .orElseThrow(() -> ApiException.notFound("No such file in this session.")), FileDescription.class);
        if (!file.isReady()) {
            throw ApiException.conflict("'" + file.fileName() + "' is not ready: upload it and call complete first.");
        }
        return file;
    }

    /** {analysisId, fileId, fileName, createdAt, summary, result}: result is shared-dsp's own JSON, untouched. */
    private String view(AnalysisSummary summary, AnalysisResult result) {
        try {
            ObjectNode view = RequestJson.object();
            view.put("analysisId", summary.analysisId());
            view.put("fileId", summary.fileId());
            view.put("fileName", summary.fileName());
            view.put("createdAt", summary.createdAt().toString());
            view.set("summary", RequestJson.tree(json.writeValueAsString(summary)));
            view.set("result", RequestJson.tree(result.toJson()));
            return RequestJson.write(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
