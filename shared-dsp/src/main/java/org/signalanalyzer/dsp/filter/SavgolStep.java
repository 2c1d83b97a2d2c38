package org.signalanalyzer.dsp.filter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Savitzky–Golay as a chain step. An even window is raised by one, as the desktop does (the core
 * {@link SavitzkyGolay} rejects it); a derivative is per second (delta = 1/fs), as in the golden cases.
 */
public record SavgolStep(int window, int polyorder, int deriv, SavitzkyGolay.Mode mode, double cval)
        implements FilterStep {

    public static final String TYPE = "savgol";

    public SavgolStep {
        if (window < 1) throw new IllegalArgumentException("savgol: window must be >= 1, got " + window);
        if (window % 2 == 0 && window < SavitzkyGolay.MAX_WINDOW) window += 1;
        // Checked now, not when the chain runs: the filter is built per trace, and its size follows the window.
        SavitzkyGolay.validate(window, polyorder, deriv, 1.0);
    }

    public SavgolStep(int window, int polyorder) {
        this(window, polyorder, 0, SavitzkyGolay.Mode.INTERP, 0.0);
    }

    static SavgolStep fromJson(Params p) {
        p.allowOnly(Set.of("type", "window", "polyorder", "deriv", "mode", "cval"));
        return new SavgolStep(p.integer("window", 51), p.integer("polyorder", 3), p.integer("deriv", 0),
                SavitzkyGolay.Mode.parse(p.text("mode", "interp")), p.number("cval", 0.0));
    }

    @Override public String type() { return TYPE; }

    @Override public int desktopRank() { return 1; }

    @Override
    public double[] apply(double[] x, double sampleRateHz) {
        double delta = deriv == 0 ? 1.0 : 1.0 / sampleRateHz;
        return new SavitzkyGolay(window, polyorder, deriv, delta, mode, cval).apply(x);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", TYPE);
        n.put("window", window);
        n.put("polyorder", polyorder);
        n.put("deriv", deriv);
        n.put("mode", mode.key());
        n.put("cval", cval);
        return n;
    }
}
