package org.signalanalyzer.dsp.filter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** The desktop's extract–add filter as a chain step (defaults: the desktop GUI's). */
public record ExtractAddStep(int window, int polyorder, double prominence, double minWidth, double maxWidth)
        implements FilterStep {

    public static final String TYPE = "extract_add";

    public ExtractAddStep {
        // Checked, not built: building computes the smoother's coefficients, which belongs to apply.
        ExtractAddFilter.validate(window, polyorder, prominence, minWidth, maxWidth);
    }

    static ExtractAddStep fromJson(Params p) {
        p.allowOnly(Set.of("type", "window", "polyorder", "prominence", "width_range"));
        double[] widths = p.numbers("width_range");
        if (widths != null && widths.length != 2) {
            throw new IllegalArgumentException("extract_add: 'width_range' must be [min, max], got "
                    + p.raw("width_range"));
        }
        return new ExtractAddStep(p.integer("window", 51), p.integer("polyorder", 3), p.number("prominence", 200),
                widths == null ? 1 : widths[0], widths == null ? 50 : widths[1]);
    }

    @Override public String type() { return TYPE; }

    @Override public int desktopRank() { return 4; }

    @Override
    public double[] apply(double[] x, double sampleRateHz) {
        return new ExtractAddFilter(window, polyorder, prominence, minWidth, maxWidth).apply(x);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", TYPE);
        n.put("window", window);
        n.put("polyorder", polyorder);
        n.put("prominence", prominence);
        n.putArray("width_range").add(minWidth).add(maxWidth);
        return n;
    }
}
