package org.signalanalyzer.dsp.filter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** The desktop's FFT magnitude-threshold / band filter as a chain step; frequencies use the recording's rate. */
public record FftStep(double threshold, Double minHz, Double maxHz) implements FilterStep {

    public static final String TYPE = "fft";

    public FftStep {
        // Building the filter validates the parameters, with its messages.
        new FftFilter(threshold, minHz, maxHz);
    }

    static FftStep fromJson(Params p) {
        p.allowOnly(Set.of("type", "threshold", "min_hz", "max_hz"));
        return new FftStep(p.number("threshold", 0.2), p.has("min_hz") ? p.number("min_hz", 0) : null,
                p.has("max_hz") ? p.number("max_hz", 0) : null);
    }

    @Override public String type() { return TYPE; }

    @Override public int desktopRank() { return 5; }

    @Override
    public double[] apply(double[] x, double sampleRateHz) {
        return new FftFilter(threshold, minHz, maxHz).apply(x, sampleRateHz);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", TYPE);
        n.put("threshold", threshold);
        if (minHz == null) n.putNull("min_hz"); else n.put("min_hz", minHz);
        if (maxHz == null) n.putNull("max_hz"); else n.put("max_hz", maxHz);
        return n;
    }
}
