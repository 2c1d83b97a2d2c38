package org.signalanalyzer.functions.analyses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.IntConsumer;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.chargevoltage.ChargeVoltageAnalysis;
import org.signalanalyzer.dsp.analysis.chargevoltage.ChargeVoltageResult;
import org.signalanalyzer.dsp.analysis.chargevoltage.SetAssignment;
import org.signalanalyzer.dsp.analysis.chargevoltage.SetMembership;
import org.signalanalyzer.functions.recordings.FileDescription;
import org.signalanalyzer.functions.recordings.RecordingFiles;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.BlobStore;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.web.ApiException;

/**
 * The charge–voltage request (docs/api.md "charge-voltage") from JSON to shared-dsp and back: each file is analysed
 * as a stored analysis at its own V2 (so history and exports see it), then shared-dsp groups and fits. A refit
 * (exclusions, assignments) names the stored analyses instead and runs no analysis. Points are keyed by file id.
 */
@Singleton
public class ChargeVoltageRuns {

    /** Job kind in POST /jobs. */
    public static final String JOB_KIND = "charge-voltage";

    private final AnalysisRunner runner;
    private final RecordingFiles recordings;
    private final AnalysisStore analyses;
    private final BlobStore blobs;

    public ChargeVoltageRuns(
            AnalysisRunner runner, RecordingFiles recordings, AnalysisStore analyses, BlobStore blobs) {
        this.runner = runner;
        this.recordings = recordings;
        this.analyses = analyses;
        this.blobs = blobs;
    }

    /** A checked request: the files (or stored analyses), the analysis settings, assignments and exclusions. */
    public record Plan(
            List<FileDescription> files,
            List<String> analysisIds,
            AnalysisRequest request,
            Map<String, SetAssignment> assignments,
            Set<String> excluded) {
        public int size() {
            return files.isEmpty() ? analysisIds.size() : files.size();
        }
    }

    /** Checks the body against the session: 404 for a file or analysis it does not hold, 400 for the rest. */
    public Plan plan(Session session, JsonNode root, int maxFiles) {
        JsonNode fileIds = root.get("fileIds");
        JsonNode analysisIds = root.get("analysisIds");
        if ((fileIds == null) == (analysisIds == null)) {
            throw ApiException.invalid("Give either fileIds (analyse the files, then fit) or analysisIds (fit "
                    + "analyses already run, e.g. to refit without a point).");
        }
        JsonNode ids = fileIds != null ? fileIds : analysisIds;
        if (!ids.isArray() || ids.isEmpty() || ids.size() > maxFiles) {
            throw ApiException.invalid((fileIds != null ? "fileIds" : "analysisIds") + " must list 1 to " + maxFiles
                    + (fileIds != null ? " files" : " analyses") + " of this session.");
        }
        List<FileDescription> files = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (JsonNode id : ids) {
            String fileId;
            if (fileIds != null) {
                FileDescription f = recordings.ready(session, id.asText());
                files.add(f);
                fileId = f.fileId();
            } else {
                fileId = analyses.summary(session, id.asText()).fileId();
                stored.add(id.asText());
            }
            if (!known.add(fileId)) {
                throw ApiException.invalid("File " + fileId + " is listed twice; a set has one point per file.");
            }
        }
        ObjectNode withMode = root.deepCopy();
        // Standard mode is the meaningful default here (its charge is the non-linear charge by construction).
        if (!withMode.hasNonNull("mode")) withMode.put("mode", "standard");
        AnalysisRequest request = files.isEmpty() ? null : AnalysisRequests.parse(withMode, files.get(0));
        return new Plan(
                files,
                stored,
                request,
                assignments(root.get("assignments"), known),
                excluded(root.get("excluded"), known));
    }

    /** Analyses (or reads) every file, then fits; {@code progress} hears the count of files done. */
    public ObjectNode run(Session session, Plan plan, IntConsumer progress) {
        Map<String, String> analysisOf = new LinkedHashMap<>();
        List<ChargeVoltageAnalysis.Analysed> analysed = new ArrayList<>();
        try {
            if (plan.files().isEmpty()) {
                for (String analysisId : plan.analysisIds()) {
                    AnalysisSummary s = analyses.summary(session, analysisId);
                    analysed.add(new ChargeVoltageAnalysis.Analysed(
                            s.fileId(), s.fileName(), analyses.result(session, analysisId)));
                    analysisOf.put(s.fileId(), analysisId);
                }
            } else {
                SortedMap<String, List<SetMembership.Member<FileDescription>>> sets = SetMembership.group(
                        plan.files(),
                        FileDescription::fileName,
                        f -> plan.assignments().get(f.fileId()));
                int done = 0;
                for (var set : sets.values()) {
                    for (SetMembership.Member<FileDescription> m : set) {
                        AnalysisRequest own = plan.request()
                                .withParameters(plan.request().parameters().withV2Mv(m.namedV2Mv()));
                        AnalysisSummary s = runner.run(session, m.item(), own);
                        AnalysisResult r = analyses.result(session, s.analysisId());
                        analysed.add(new ChargeVoltageAnalysis.Analysed(
                                m.item().fileId(), m.item().fileName(), r));
                        analysisOf.put(m.item().fileId(), s.analysisId());
                        progress.accept(++done);
                    }
                }
            }
            ChargeVoltageResult result =
                    ChargeVoltageAnalysis.fromResults(analysed, plan.assignments(), plan.excluded());
            ObjectNode view = (ObjectNode) RequestJson.tree(result.toJson());
            ObjectNode ids = view.putObject("analysisIds");
            analysisOf.forEach(ids::put);
            return view;
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
    }

    /** Keeps a job's result where {@link #stored} finds it. */
    public void store(Session session, String jobId, ObjectNode view) {
        blobs.put(
                BlobKeys.chargeVoltage(session.sessionId(), jobId),
                RequestJson.write(view).getBytes(StandardCharsets.UTF_8),
                "application/json");
    }

    public Optional<String> stored(Session session, String jobId) {
        return blobs.get(BlobKeys.chargeVoltage(session.sessionId(), jobId))
                .map(b -> new String(b, StandardCharsets.UTF_8));
    }

    private static Map<String, SetAssignment> assignments(JsonNode a, Set<String> known) {
        Map<String, SetAssignment> out = new HashMap<>();
        if (a == null || a.isNull()) return out;
        if (!a.isObject()) {
            throw ApiException.invalid("'assignments' must be {fileId: {set, voltageMv}}.");
        }
        for (var e : (Iterable<Map.Entry<String, JsonNode>>) a::fields) {
            String fileId = e.getKey();
            if (!known.contains(fileId)) {
                throw ApiException.invalid("assignments names " + fileId + ", which is not among the files.");
            }
            JsonNode v = e.getValue();
            if (!v.isObject()) throw ApiException.invalid("assignments." + fileId + " must be {set, voltageMv}.");
            JsonNode set = v.get("set");
            JsonNode mv = v.get("voltageMv");
            if (set != null && !set.isNull() && !set.isTextual() && !set.isIntegralNumber()) {
                throw ApiException.invalid("assignments." + fileId + ".set must be a text or a whole number.");
            }
            if (mv != null && !mv.isNull() && !mv.isNumber()) {
                throw ApiException.invalid("assignments." + fileId + ".voltageMv must be a number of mV.");
            }
            try {
                out.put(
                        fileId,
                        new SetAssignment(
                                set == null || set.isNull() ? null : set.asText(),
                                mv == null || mv.isNull() ? null : mv.asDouble()));
            } catch (IllegalArgumentException ex) {
                throw ApiException.invalid("assignments." + fileId + ": " + ex.getMessage());
            }
        }
        return out;
    }

    private static Set<String> excluded(JsonNode x, Set<String> known) {
        Set<String> out = new HashSet<>();
        if (x == null || x.isNull()) return out;
        if (!x.isArray()) throw ApiException.invalid("'excluded' must list file ids.");
        for (JsonNode id : x) {
            if (!known.contains(id.asText())) {
                throw ApiException.invalid("excluded names " + id.asText() + ", which is not among the files.");
            }
            out.add(id.asText());
        }
        return out;
    }
}
