package org.signalanalyzer.dsp.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.signalanalyzer.dsp.SharedData;

/** One SciPy/PyWavelets reference case of {@code ../shared/data/golden}. */
public record GoldenCase(String name, String op, double fsHz, JsonNode params, double[] input, double[] output) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every case named in index.json whose op starts with the prefix. */
    public static List<GoldenCase> all(String opPrefix) throws IOException {
        JsonNode index = JSON.readTree(SharedData.golden("index.json").toFile());
        List<GoldenCase> out = new ArrayList<>();
        for (JsonNode entry : index) {
            if (entry.get("op").asText().startsWith(opPrefix))
                out.add(load(entry.get("name").asText()));
        }
        if (out.isEmpty()) throw new IllegalStateException("no golden case for op " + opPrefix);
        return out;
    }

    static GoldenCase load(String name) throws IOException {
        Path file = SharedData.golden(name + ".json");
        JsonNode n = JSON.readTree(file.toFile());
        return new GoldenCase(
                name,
                n.get("op").asText(),
                n.get("fs_hz").asDouble(),
                n.get("params"),
                doubles(n.get("input")),
                doubles(n.get("output")));
    }

    public static double[] doubles(JsonNode arr) {
        double[] d = new double[arr.size()];
        for (int i = 0; i < d.length; i++) d[i] = arr.get(i).asDouble();
        return d;
    }

    static double[][] matrix(JsonNode arr) {
        double[][] m = new double[arr.size()][];
        for (int i = 0; i < m.length; i++) m[i] = doubles(arr.get(i));
        return m;
    }

    /** Fails unless {@link #relativeError} is within {@code tolerance}; {@code what} names the case. */
    public static void assertRelativeError(String what, double[] expected, double[] actual, double tolerance) {
        double err = relativeError(expected, actual);
        if (!(err <= tolerance)) {
            throw new AssertionError(what + ": relative error " + err + " > " + tolerance);
        }
    }

    /** max |actual − expected| / (max(expected) − min(expected)). */
    public static double relativeError(double[] expected, double[] actual) {
        if (expected.length != actual.length) {
            throw new AssertionError("length " + actual.length + ", expected " + expected.length);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : expected) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double range = hi - lo;
        if (range == 0) range = Math.max(Math.abs(hi), 1.0);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        return worst / range;
    }

    @Override
    public String toString() {
        return name;
    }
}
