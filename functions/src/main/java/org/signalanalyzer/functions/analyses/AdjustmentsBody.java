package org.signalanalyzer.functions.analyses;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import org.signalanalyzer.dsp.analysis.Adjustments;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.FitModel;
import org.signalanalyzer.dsp.analysis.IntegrationRanges;
import org.signalanalyzer.dsp.analysis.InvalidAnalysisParameterException;
import org.signalanalyzer.functions.web.ApiException;

/**
 * docs/api.md's {@code Adjustments} as the API and the stored summary hold them; {@link #toDsp} makes shared-dsp's
 * {@link Adjustments} (the ranges' unit follows the analysis's mode).
 */
@Serdeable
public record AdjustmentsBody(@Nullable PairRanges ranges, List<Fit> fits) {

    public static final AdjustmentsBody NONE = new AdjustmentsBody(null, List.of());

    /** Integration ranges as bodies write them: {hyperpol: [a, b], depol: [a, b]}. */
    @Serdeable
    public record PairRanges(double[] hyperpol, double[] depol) {

        /** The two pairs of {@code r}; {@code path} prefixes the field in a refusal ("ranges." or ""). */
        public static PairRanges from(JsonNode r, String path) {
            return new PairRanges(
                    RequestJson.pair(r, "hyperpol", path + "hyperpol"), RequestJson.pair(r, "depol", path + "depol"));
        }

        /** In the unit of {@code mode}: desktop mode [start, end) purple-curve points, standard mode ms after onsets. */
        public IntegrationRanges toDsp(AnalysisMode mode) {
            try {
                if (mode == AnalysisMode.DESKTOP) {
                    for (double v : new double[] {hyperpol[0], hyperpol[1], depol[0], depol[1]}) {
                        if (v != Math.rint(v)) {
                            throw ApiException.invalid("desktop-mode ranges are whole point indices.");
                        }
                    }
                    return IntegrationRanges.points(
                            (int) hyperpol[0], (int) hyperpol[1], (int) depol[0], (int) depol[1]);
                }
                return IntegrationRanges.ms(hyperpol[0], hyperpol[1], depol[0], depol[1]);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(e.getMessage());
            }
        }
    }

    @Serdeable
    public record Fit(String curve, String model, int from, int to, boolean subtract) {}

    public AdjustmentsBody {
        fits = fits == null ? List.of() : List.copyOf(fits);
    }

    public boolean isEmpty() {
        return ranges == null && fits.isEmpty();
    }

    /** The request body; every refusal names the field. */
    public static AdjustmentsBody parse(JsonNode root) {
        PairRanges ranges = null;
        JsonNode r = root.get("ranges");
        if (r != null && !r.isNull()) {
            if (!r.isObject())
                throw ApiException.invalid("'ranges' must be {hyperpol: [a, b], depol: [a, b]} or null.");
            ranges = PairRanges.from(r, "ranges.");
        }
        JsonNode f = root.get("fits");
        List<Fit> fits = new ArrayList<>();
        if (f != null && !f.isNull()) {
            if (!f.isArray()) throw ApiException.invalid("'fits' must be a list of accepted fits.");
            if (f.size() > Adjustments.MAX_FITS) {
                throw ApiException.invalid(
                        "'fits' holds " + f.size() + " fits; at most " + Adjustments.MAX_FITS + " are kept.");
            }
            for (int i = 0; i < f.size(); i++) fits.add(fit(f.get(i), "fits[" + i + "]"));
        }
        for (var it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals("ranges") && !name.equals("fits")) {
                throw ApiException.invalid("unknown field '" + name + "' (known: ranges, fits).");
            }
        }
        return new AdjustmentsBody(ranges, fits);
    }

    private static Fit fit(JsonNode n, String where) {
        if (n == null || !n.isObject())
            throw ApiException.invalid(where + " must be {curve, model, from, to, subtract}.");
        JsonNode curve = n.get("curve");
        JsonNode model = n.get("model");
        if (curve == null || !curve.isTextual() || model == null || !model.isTextual()) {
            throw ApiException.invalid(
                    where + " needs 'curve' (hyperpol or depol) and 'model' (linear, exp-decay or " + "exp-rise).");
        }
        JsonNode from = n.get("from");
        JsonNode to = n.get("to");
        if (from == null
                || to == null
                || !from.canConvertToInt()
                || !from.isIntegralNumber()
                || !to.canConvertToInt()
                || !to.isIntegralNumber()) {
            throw ApiException.invalid(where + " needs 'from' and 'to': whole point indices (inclusive).");
        }
        JsonNode subtract = n.get("subtract");
        if (subtract != null && !subtract.isNull() && !subtract.isBoolean()) {
            throw ApiException.invalid(where + ".subtract must be true or false.");
        }
        return new Fit(
                curve.asText(), model.asText(), from.asInt(), to.asInt(), subtract != null && subtract.asBoolean());
    }

    /** shared-dsp's adjustments for a result of {@code mode}. */
    public Adjustments toDsp(AnalysisMode mode) {
        try {
            IntegrationRanges r = ranges == null ? null : ranges.toDsp(mode);
            List<Adjustments.AcceptedFit> accepted = new ArrayList<>();
            for (int i = 0; i < fits.size(); i++) {
                Fit f = fits.get(i);
                try {
                    accepted.add(new Adjustments.AcceptedFit(
                            f.curve(), FitModel.parse(f.model()), f.from(), f.to(), f.subtract()));
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalid("fits[" + i + "]: " + e.getMessage());
                }
            }
            return new Adjustments(r, accepted);
        } catch (InvalidAnalysisParameterException e) {
            throw ApiException.invalid(e.getMessage());
        }
    }
}
