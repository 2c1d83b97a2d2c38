package org.signalanalyzer.functions.analyses;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signalanalyzer.dsp.export.Layout;
import org.signalanalyzer.functions.limits.SessionQuotas;
import org.signalanalyzer.functions.sessions.Caller;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.web.ApiException;
import org.signalanalyzer.functions.web.ComputesFromRecording;

/** Exports: shared-dsp writes the workbook/CSV/JSON, it goes to S3, the browser gets a presigned download link. */
@Controller("/api/sessions/{sessionId}/exports")
public class ExportController {

    private final Exports exports;
    private final SessionQuotas quotas;

    public ExportController(Exports exports, SessionQuotas quotas) {
        this.exports = exports;
        this.quotas = quotas;
    }

    /** A fresh download link for an export made earlier (the first link may have died with its credentials). */
    @Get("/{exportId}")
    public Exports.Link link(@Caller Session session, String exportId) {
        return exports.link(session, exportId);
    }

    /** The body (docs/api.md, export): the analyses, the layout, and the lab set of any analysis by id. */
    public record ExportRequest(List<String> analysisIds, Layout layout, Map<String, Integer> sets) {
        static ExportRequest from(JsonNode root) {
            JsonNode ids = root.get("analysisIds");
            if (ids == null || !ids.isArray() || ids.isEmpty()) {
                throw ApiException.invalid("analysisIds must list at least one analysis of this session.");
            }
            List<String> analysisIds = new ArrayList<>();
            for (JsonNode id : ids) {
                if (!id.isTextual()) throw ApiException.invalid("analysisIds must hold analysis ids (strings).");
                analysisIds.add(id.asText());
            }
            Layout layout;
            try {
                layout = Layout.parse(
                        root.hasNonNull("layout") ? root.get("layout").asText() : "full");
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(e.getMessage());
            }
            return new ExportRequest(
                    List.copyOf(analysisIds), layout, ExportController.sets(root, "analysisIds", analysisIds));
        }
    }

    @ComputesFromRecording
    @Post
    public Exports.Link export(@Caller Session session, @Body String body) {
        ExportRequest request = ExportRequest.from(RequestJson.parse(body));
        return quotas.forExport(session)
                .keepIf(() -> exports.write(session, request.analysisIds(), request.layout(), request.sets()));
    }

    /**
     * The body's {@code sets}: {id: set}, each id one of {@code ids} (named by {@code idsField}), each set a whole
     * number ≥ 0; empty when absent.
     */
    public static Map<String, Integer> sets(JsonNode root, String idsField, List<String> ids) {
        JsonNode s = root.get("sets");
        Map<String, Integer> sets = new LinkedHashMap<>();
        if (s == null || s.isNull()) return sets;
        if (!s.isObject()) throw ApiException.invalid("'sets' must be {id: set number}.");
        for (var it = s.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!ids.contains(e.getKey())) {
                throw ApiException.invalid("sets names '" + e.getKey() + "', which is not in " + idsField + ".");
            }
            JsonNode v = e.getValue();
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
                throw ApiException.invalid(
                        "sets." + e.getKey() + " must be a whole number ≥ 0 (the set), got " + v + ".");
            }
            sets.put(e.getKey(), v.asInt());
        }
        return sets;
    }
}
