package org.signalanalyzer.dsp.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.signalanalyzer.dsp.rules.ParameterRule;

/** The desktop's FFT magnitude-threshold / band filter as a chain step; frequencies use the recording's rate. */
public record FftStep(double threshold, Double minHz, Double maxHz) implements FilterStep {

    public static final String TYPE = "fft";

    public FftStep {
        // Building the filter validates the parameters, with its messages.
        new FftFilter(threshold, minHz, maxHz);
    }

    static final ParameterRule THRESHOLD =
            ParameterRule.number("threshold", 0.2, 0.0, 1.0).note("fraction of the largest magnitude");
    static final ParameterRule MIN_HZ = ParameterRule.number("min_hz", null, 0.0, null)
            .orNull()
            .unit("Hz")
            .note("a band: give both min_hz and max_hz (min_hz ≤ max_hz), or neither");
    static final ParameterRule MAX_HZ = ParameterRule.number("max_hz", null, 0.0, null)
            .orNull()
            .unit("Hz")
            .note("a band: give both min_hz and max_hz (min_hz ≤ max_hz), or neither");

    /** Every parameter with its default and bounds: what fromJson reads and GET /api/config answers. */
    public static final List<ParameterRule> RULES = List.of(THRESHOLD, MIN_HZ, MAX_HZ);

    static FftStep fromJson(Params p) {
        p.allowOnly(Set.of("type", "threshold", "min_hz", "max_hz"));
        return new FftStep(
                p.number(THRESHOLD),
                p.has("min_hz") ? p.number(MIN_HZ) : null,
                p.has("max_hz") ? p.number(MAX_HZ) : null);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int desktopRank() {
        return 5;
    }

    @Override
    public double[] apply(double[] x, double sampleRateHz) {
        return new FftFilter(threshold, minHz, maxHz).apply(x, sampleRateHz);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = typedJson();
        n.put("threshold", threshold);
        if (minHz == null) n.putNull("min_hz");
        else n.put("min_hz", minHz);
        if (maxHz == null) n.putNull("max_hz");
        else n.put("max_hz", maxHz);
        return n;
    }
}
