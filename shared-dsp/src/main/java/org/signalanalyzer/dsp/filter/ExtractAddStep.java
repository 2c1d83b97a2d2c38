package org.signalanalyzer.dsp.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.signalanalyzer.dsp.rules.ParameterRule;

/** The desktop's extract–add filter as a chain step (defaults: the desktop GUI's). */
public record ExtractAddStep(int window, int polyorder, double prominence, double minWidth, double maxWidth)
        implements FilterStep {

    public static final String TYPE = "extract_add";

    public ExtractAddStep {
        // Checked, not built: building computes the smoother's coefficients, which belongs to apply.
        ExtractAddFilter.validate(window, polyorder, prominence, minWidth, maxWidth);
    }

    static final ParameterRule PROMINENCE = ParameterRule.number("prominence", 200.0, 0.0, null)
            .unit("pA")
            .note("the smallest peak prominence taken as an event");
    static final ParameterRule WIDTH_RANGE = ParameterRule.numbers("width_range", List.of(1.0, 50.0), 0.0, null)
            .unit("samples")
            .note("[min, max] event width, min ≤ max");

    /** Every parameter with its default and bounds: what fromJson reads and GET /api/config answers. */
    public static final List<ParameterRule> RULES =
            List.of(SavgolStep.WINDOW, SavgolStep.POLYORDER, PROMINENCE, WIDTH_RANGE);

    static ExtractAddStep fromJson(Params p) {
        p.allowOnly(Set.of("type", "window", "polyorder", "prominence", "width_range"));
        double[] widths = p.numbers(WIDTH_RANGE);
        if (widths != null && widths.length != 2) {
            throw new IllegalArgumentException(
                    "extract_add: 'width_range' must be [min, max], got " + p.raw("width_range"));
        }
        @SuppressWarnings("unchecked")
        List<Double> fallback = (List<Double>) WIDTH_RANGE.defaultValue();
        return new ExtractAddStep(
                p.integer(SavgolStep.WINDOW),
                p.integer(SavgolStep.POLYORDER),
                p.number(PROMINENCE),
                widths == null ? fallback.get(0) : widths[0],
                widths == null ? fallback.get(1) : widths[1]);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int desktopRank() {
        return 4;
    }

    @Override
    public double[] apply(double[] x, double sampleRateHz) {
        return new ExtractAddFilter(window, polyorder, prominence, minWidth, maxWidth).apply(x);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = typedJson();
        n.put("window", window);
        n.put("polyorder", polyorder);
        n.put("prominence", prominence);
        n.putArray("width_range").add(minWidth).add(maxWidth);
        return n;
    }
}
