package org.signalanalyzer.dsp.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.signalanalyzer.dsp.rules.ParameterRule;

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

    static final ParameterRule WINDOW = ParameterRule.integer("window", 51, 1, SavitzkyGolay.MAX_WINDOW)
            .unit("samples")
            .note("odd (an even window is raised by one, as the desktop does); in mode interp at "
                    + "most the trace's length");
    static final ParameterRule POLYORDER = ParameterRule.integer("polyorder", 3, 0, SavitzkyGolay.MAX_POLYORDER)
            .note("below the window");
    static final ParameterRule DERIV =
            ParameterRule.integer("deriv", 0, 0, null).note("derivative order; derivatives are per second");
    static final ParameterRule MODE = ParameterRule.choice(
            "mode",
            "interp",
            Arrays.stream(SavitzkyGolay.Mode.values())
                    .map(SavitzkyGolay.Mode::key)
                    .toList());
    static final ParameterRule CVAL =
            ParameterRule.number("cval", 0.0, null, null).note("padding for mode constant");

    /** Every parameter with its default and bounds: what fromJson reads and GET /api/config answers. */
    public static final List<ParameterRule> RULES = List.of(WINDOW, POLYORDER, DERIV, MODE, CVAL);

    static SavgolStep fromJson(Params p) {
        p.allowOnly(Set.of("type", "window", "polyorder", "deriv", "mode", "cval"));
        return new SavgolStep(
                p.integer(WINDOW),
                p.integer(POLYORDER),
                p.integer(DERIV),
                SavitzkyGolay.Mode.parse(p.choice(MODE)),
                p.number(CVAL));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int desktopRank() {
        return 1;
    }

    @Override
    public double[] apply(double[] x, double sampleRateHz) {
        double delta = deriv == 0 ? 1.0 : 1.0 / sampleRateHz;
        return new SavitzkyGolay(window, polyorder, deriv, delta, mode, cval).apply(x);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = typedJson();
        n.put("window", window);
        n.put("polyorder", polyorder);
        n.put("deriv", deriv);
        n.put("mode", mode.key());
        n.put("cval", cval);
        return n;
    }
}
