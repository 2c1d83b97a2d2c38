package org.signalanalyzer.functions.analyses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signalanalyzer.dsp.plot.Decimation;
import org.signalanalyzer.dsp.plot.Envelope;

/**
 * The curves of a standard-mode result as the API answers them: each curve longer than {@value #MAX_POINTS} points
 * (with its {@code ...TimesS}) becomes its min/max envelope over {@value #COLUMNS} columns. Standard mode keeps
 * curves at full sample resolution (≈40,000 points at 100 kHz; ≈2.7 MB of JSON for the desktop sample), which a
 * plot cannot show and an answer should not carry (Lambda refuses answers above 6 MB). The stored result stays
 * complete: integrals, fits and exports are computed from it, never from this view. Fits take point indices of
 * the full curve, so the indices of the points kept are answered beside the result.
 */
final class DisplayCurves {

    /** Wider than any plot the app draws; two points per column keep every spike visible. */
    static final int COLUMNS = 1500;
    static final int MAX_POINTS = 2 * COLUMNS;
    private static final String TIMES = "TimesS";

    private DisplayCurves() { }

    /**
     * Replaces, in {@code result} (an AnalysisResult's JSON), every curve longer than MAX_POINTS by its envelope;
     * answers, per curve replaced, the index in the full curve of each point kept.
     */
    static Map<String, int[]> decimate(ObjectNode result) {
        Map<String, int[]> kept = new LinkedHashMap<>();
        List<String> timeFields = new ArrayList<>();
        result.fieldNames().forEachRemaining(name -> {
            if (name.endsWith(TIMES) && name.length() > TIMES.length()) timeFields.add(name);
        });
        for (String timesField : timeFields) {
            String valuesField = timesField.substring(0, timesField.length() - TIMES.length());
            JsonNode times = result.get(timesField);
            JsonNode values = result.get(valuesField);
            if (!times.isArray() || values == null || !values.isArray() || values.size() != times.size()
                    || values.size() <= MAX_POINTS) {
                continue;
            }
            double[] samples = numbers(values);
            if (samples == null) continue;
            // Index domain (time of index i = i): the envelope's times are then the indices of the kept samples,
            // which read the curve's own times whatever their spacing.
            Envelope envelope = Decimation.envelope(samples, 0, samples.length, 0, 1, COLUMNS);
            ArrayNode keptTimes = result.arrayNode(envelope.pointCount());
            ArrayNode keptValues = result.arrayNode(envelope.pointCount());
            int[] indices = new int[envelope.pointCount()];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = (int) envelope.timesS()[i];
                keptTimes.add(times.get(indices[i]));
                keptValues.add(values.get(indices[i]));
            }
            result.set(timesField, keptTimes);
            result.set(valuesField, keptValues);
            kept.put(valuesField, indices);
        }
        return kept;
    }

    /** The curve's values, or null when one is not a number (such a curve is answered as it is). */
    private static double[] numbers(JsonNode values) {
        double[] samples = new double[values.size()];
        for (int i = 0; i < samples.length; i++) {
            if (!values.get(i).isNumber()) return null;
            samples[i] = values.get(i).asDouble();
        }
        return samples;
    }
}
