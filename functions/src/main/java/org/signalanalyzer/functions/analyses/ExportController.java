package org.signalanalyzer.functions.analyses;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.signalanalyzer.dsp.export.Layout;
import org.signalanalyzer.functions.api.ApiException;
import org.signalanalyzer.functions.api.SessionAccess;
import org.signalanalyzer.functions.limits.SessionQuotas;
import org.signalanalyzer.functions.store.Session;

/** Exports: shared-dsp writes the workbook/CSV/JSON, it goes to S3, the browser gets a presigned download link. */
@Controller("/api/sessions/{sessionId}/exports")
public class ExportController {

    private final SessionAccess access;
    private final Exports exports;
    private final SessionQuotas quotas;

    public ExportController(SessionAccess access, Exports exports, SessionQuotas quotas) {
        this.access = access;
        this.exports = exports;
        this.quotas = quotas;
    }

    @Serdeable
    public record ExportRequest(@Nullable List<String> analysisIds, @Nullable String layout) { }

    @Post
    public Exports.Link export(String sessionId, @Nullable @Header("Authorization") String authorization,
                               @Body ExportRequest request) {
        Session session = access.open(sessionId, authorization);
        if (request.analysisIds() == null || request.analysisIds().isEmpty()) {
            throw ApiException.invalid("analysisIds must list at least one analysis of this session.");
        }
        Layout layout;
        try {
            layout = Layout.parse(request.layout() == null ? "full" : request.layout());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
        return quotas.forExport(session).keepIf(() -> exports.write(session, request.analysisIds(), layout));
    }
}
