package org.signalanalyzer.functions.analyses;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.IntegrationRanges;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.analysis.Provenance;
import org.signalanalyzer.dsp.analysis.ResultCurves;
import org.signalanalyzer.dsp.plot.DisplayCurve;

/**
 * docs/api.md's AnalysisView: what ran (so History restores the panels), the adjustments, the charges as analysed,
 * the adjusted result, and its curves as plots show them (shared-dsp's {@link DisplayCurve}s). Standard mode keeps
 * curves at full sample resolution (≈40,000 points at 100 kHz; ≈2.7 MB of JSON for the desktop sample), which an
 * answer should not carry (Lambda refuses answers above 6 MB): in {@code result} those arrays are answered empty
 * and named in {@code curvesOmitted}; {@code curves} carries every curve at most {@value DisplayCurve#COLUMNS}
 * columns wide. The stored result stays complete: integrals, fits and exports are computed from it.
 */
@Singleton
public class AnalysisViews {

    /** Longer curves are answered only as display curves. */
    static final int MAX_POINTS = 2 * DisplayCurve.COLUMNS;

    private final JsonMapper json;

    public AnalysisViews(JsonMapper json) {
        this.json = json;
    }

    public String view(AnalysisSummary summary, AnalysisResult analysed, AnalysisResult adjusted) {
        try {
            ObjectNode view = RequestJson.object();
            view.put("analysisId", summary.analysisId());
            view.put("fileId", summary.fileId());
            view.put("fileName", summary.fileName());
            view.put("createdAt", summary.createdAt().toString());
            view.putRawValue("summary", new RawValue(json.writeValueAsString(summary)));
            view.set("request", request(summary, analysed));
            view.putRawValue("adjustments", new RawValue(json.writeValueAsString(summary.adjustments())));
            ObjectNode before = view.putObject("analysed");
            before.put("qHyperpolPc", analysed.qHyperpolPc());
            before.put("qDepolPc", analysed.qDepolPc());
            before.put("capacitanceNf", analysed.capacitanceNf());
            before.set("ranges", ranges(analysed.ranges()));
            Map<String, DisplayCurve> curves = ResultCurves.display(adjusted, DisplayCurve.COLUMNS);
            List<String> omitted = curves.entrySet().stream()
                    .filter(c -> c.getValue().sampleCount() > MAX_POINTS)
                    .map(Map.Entry::getKey)
                    .toList();
            view.putRawValue(
                    "result",
                    new RawValue(withOmitted(
                            ResultCurves.withoutCurves(adjusted, omitted).toJson(), omitted)));
            view.putRawValue("curves", new RawValue(RequestJson.MAPPER.writeValueAsString(curves)));
            return RequestJson.write(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The result's JSON object with {@code curvesOmitted} added as its last member. The parts written elsewhere
     * (the result, the summary, the curves) go into the answer as they were written, not parsed into a tree and
     * written again: they are Jackson's compact JSON already, so the answer is the same either way, and the round
     * trip was a third of the process call's time under load.
     */
    static String withOmitted(String resultJson, List<String> omitted) throws IOException {
        int end = resultJson.lastIndexOf('}');
        if (end < 1 || resultJson.charAt(0) != '{') {
            throw new IllegalStateException("an analysis result is not written as a JSON object");
        }
        StringBuilder out = new StringBuilder(resultJson.length() + 64).append(resultJson, 0, end);
        out.append(end == 1 ? "\"curvesOmitted\":" : ",\"curvesOmitted\":");
        return out.append(RequestJson.MAPPER.writeValueAsString(omitted))
                .append('}')
                .toString();
    }

    /** What ran, in the process body's own shape, every default written out. */
    private static ObjectNode request(AnalysisSummary summary, AnalysisResult r) {
        ObjectNode n = RequestJson.object();
        Provenance p = r.provenance();
        n.put("fileId", summary.fileId());
        n.put("sweep", summary.sweep());
        n.put("channel", summary.channel());
        n.put("mode", r.mode().label());
        if (p == null || p.filterChain() == null) {
            n.putObject("chain").put("preset", "raw");
        } else {
            n.set("chain", p.filterChain().deepCopy());
        }
        ProtocolParameters pp = p == null ? null : p.parameters();
        if (pp == null) {
            n.putNull("params");
        } else {
            ObjectNode params = n.putObject("params");
            params.put("nCycles", pp.nCycles());
            params.put("t0Ms", pp.t0Ms());
            params.put("t1Ms", pp.t1Ms());
            params.put("t2Ms", pp.t2Ms());
            params.put("v0Mv", pp.v0Mv());
            params.put("v1Mv", pp.v1Mv());
            params.put("v2Mv", pp.v2Mv());
        }
        String start = p == null ? null : p.startingPoint();
        if (start == null || start.equals("auto")) {
            n.put("startingPoint", "auto");
        } else {
            n.put("startingPoint", Integer.parseInt(start));
        }
        return n;
    }

    static ObjectNode ranges(IntegrationRanges r) {
        if (r == null) return null;
        ObjectNode n = RequestJson.object();
        n.put("unit", r.unit().label());
        n.putArray("hyperpol").add(r.hyperpol()[0]).add(r.hyperpol()[1]);
        n.putArray("depol").add(r.depol()[0]).add(r.depol()[1]);
        return n;
    }
}
