package org.signalanalyzer.functions.analyses;

import com.fasterxml.jackson.databind.JsonNode;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.IntegrationRanges;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.analysis.StartingPoint;
import org.signalanalyzer.dsp.filter.FilterChain;
import org.signalanalyzer.functions.recordings.FileDescription;
import org.signalanalyzer.functions.web.ApiException;

/** docs/api.md's process body → shared-dsp's {@link AnalysisRequest}; every refusal names the field. */
public final class AnalysisRequests {

    private AnalysisRequests() {}

    public static AnalysisRequest parse(JsonNode root, FileDescription file) {
        try {
            AnalysisMode mode = AnalysisMode.parse(root.path("mode").asText("desktop"));
            FilterChain chain = chain(root);
            ProtocolParameters params = parameters(root.get("params"), file);
            StartingPoint start = root.hasNonNull("startingPoint")
                    ? StartingPoint.parse(root.get("startingPoint").asText())
                    : null;
            IntegrationRanges ranges = root.hasNonNull("ranges") ? ranges(root.get("ranges"), mode) : null;
            return new AnalysisRequest(
                    mode,
                    params,
                    start,
                    chain,
                    ranges,
                    RequestJson.optionalInt(root, "sweep", 0),
                    RequestJson.optionalInt(root, "channel", 0),
                    null);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
    }

    public static FilterChain chain(JsonNode root) {
        try {
            return root.hasNonNull("chain") ? FilterChain.fromJson(root.get("chain")) : null;
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("chain: " + e.getMessage());
        }
    }

    /**
     * The desktop's defaults, with V2 taken from the file name when the name tells it (the desktop's rule), then
     * whatever the body sets.
     */
    static ProtocolParameters parameters(JsonNode p, FileDescription file) {
        ProtocolParameters d = ProtocolParameters.DESKTOP_DEFAULTS;
        if (file.v2FromFileName() != null) d = d.withV2Mv(file.v2FromFileName());
        if (p == null || p.isNull()) return d;
        if (!p.isObject()) throw ApiException.invalid("'params' must be an object.");
        return new ProtocolParameters(
                p.has("nCycles") ? RequestJson.optionalInt(p, "nCycles", d.nCycles()) : d.nCycles(),
                number(p, "t0Ms", d.t0Ms()),
                number(p, "t1Ms", d.t1Ms()),
                number(p, "t2Ms", d.t2Ms()),
                number(p, "v0Mv", d.v0Mv()),
                number(p, "v1Mv", d.v1Mv()),
                number(p, "v2Mv", d.v2Mv()));
    }

    /** The process body's {@code ranges}, in the unit of {@code mode}. */
    static IntegrationRanges ranges(JsonNode r, AnalysisMode mode) {
        if (!r.isObject()) throw ApiException.invalid("'ranges' must be {hyperpol: [a, b], depol: [a, b]}.");
        return AdjustmentsBody.PairRanges.from(r, "").toDsp(mode);
    }

    private static double number(JsonNode p, String field, double fallback) {
        JsonNode n = p.get(field);
        if (n == null || n.isNull()) return fallback;
        if (!n.isNumber()) throw ApiException.invalid("params." + field + " must be a number.");
        return n.asDouble();
    }
}
