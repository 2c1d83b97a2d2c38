package org.signalanalyzer.dsp.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.analysis.InvalidAnalysisParameterException;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.filter.FilterChain;

/**
 * The rules GET /api/config answers are the ones validation applies: every bounded numeric parameter of every filter
 * step is taken at its bound and refused just beyond it, and a step given no parameters runs with the rules'
 * defaults. (A rule that drifted from its step's checks fails here, not in a browser form.)
 */
class ParameterRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double[] SIGNAL = new double[2048];

    /** What a step needs beside the parameter under test to be valid at that parameter's bounds. */
    private static final Map<String, Map<String, Object>> COMPANIONS = Map.of(
            "savgol.window", Map.of("polyorder", 0),
            "extract_add.window", Map.of("polyorder", 0),
            "butterworth.order", Map.of("wn", 0.1),
            "butterworth.wn", Map.of(),
            "butterworth.cutoff_hz", Map.of(),
            "fft.min_hz", Map.of("max_hz", 1e9),
            "fft.max_hz", Map.of("min_hz", 0));

    private static boolean accepted(String type, String name, JsonNode value) {
        ObjectNode step = JSON.createObjectNode().put("type", type);
        COMPANIONS
                .getOrDefault(type + "." + name, type.equals("butterworth") ? Map.of("wn", 0.1) : Map.of())
                .forEach((k, v) -> step.set(k, JSON.valueToTree(v)));
        step.set(name, value);
        if (type.equals("butterworth") && name.equals("cutoff_hz")) step.remove("wn");
        ObjectNode chain = JSON.createObjectNode();
        chain.putArray("steps").add(step);
        try {
            FilterChain.fromJson(chain);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void everyFilterBoundIsTheOneValidationApplies() {
        int checked = 0;
        for (JsonNode step : AnalysisConfig.toJson().get("filter").get("steps")) {
            String type = step.get("type").asText();
            for (JsonNode rule : step.get("parameters")) {
                String name = rule.get("name").asText();
                String kind = rule.get("type").asText();
                if (!kind.equals("integer") && !kind.equals("number") && !kind.equals("numbers")) continue;
                if (type.equals("extract_add") && name.equals("width_range")) continue; // a pair, checked below
                double step1 = kind.equals("integer") ? 1 : 1e-9;
                for (String side : new String[] {"min", "max"}) {
                    if (rule.get(side).isNull()) continue;
                    double bound = rule.get(side).asDouble();
                    boolean exclusive = rule.get(side + "Exclusive").asBoolean();
                    double inside = exclusive ? bound + (side.equals("min") ? step1 : -step1) : bound;
                    double outside = exclusive ? bound : bound + (side.equals("min") ? -step1 : step1);
                    String what = type + "." + name + " " + side;
                    assertTrue(accepted(type, name, number(kind, inside)), what + " accepted at " + inside);
                    assertFalse(accepted(type, name, number(kind, outside)), what + " refused at " + outside);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 12, "bounds checked: " + checked);
        assertFalse(accepted("extract_add", "width_range", JSON.valueToTree(new double[] {-1, 5})));
        assertTrue(accepted("extract_add", "width_range", JSON.valueToTree(new double[] {0, 5})));
    }

    private static JsonNode number(String kind, double v) {
        return kind.equals("integer")
                ? JSON.getNodeFactory().numberNode((long) v)
                : JSON.getNodeFactory().numberNode(v);
    }

    @Test
    void aStepGivenNoParametersRunsWithTheRulesDefaults() throws Exception {
        for (JsonNode step : AnalysisConfig.toJson().get("filter").get("steps")) {
            String type = step.get("type").asText();
            ObjectNode bare = JSON.createObjectNode().put("type", type);
            if (type.equals("butterworth")) bare.put("wn", 0.1);
            ObjectNode chain = JSON.createObjectNode();
            chain.putArray("steps").add(bare);
            JsonNode written = FilterChain.fromJson(chain).toJson().get("steps").get(0);
            for (JsonNode rule : step.get("parameters")) {
                String name = rule.get("name").asText();
                if (type.equals("butterworth") && (name.equals("wn") || name.equals("cutoff_hz"))) continue;
                JsonNode actual = written.get(name);
                JsonNode expected = rule.get("default");
                if (expected.isNumber()) {
                    assertEquals(expected.asDouble(), actual.asDouble(), 0.0, type + "." + name);
                } else {
                    assertEquals(
                            expected.toString().replace(".0", ""),
                            actual.toString().replace(".0", ""),
                            type + "." + name);
                }
            }
        }
        assertNotNull(FilterChain.fromJson("{\"steps\":[]}").apply(SIGNAL, 1000));
    }

    @Test
    void protocolRulesAreTheConstructorsChecksAndDefaults() {
        JsonNode analysis = AnalysisConfig.toJson().get("analysis");
        ProtocolParameters d = ProtocolParameters.DESKTOP_DEFAULTS;
        assertEquals(
                d.t1Ms(), analysis.get("defaults").get("params").get("t1Ms").asDouble());
        for (JsonNode rule : analysis.get("parameters")) {
            String name = rule.get("name").asText();
            if (name.equals("startingPoint") || rule.get("max").isNull()) continue;
            double max = rule.get("max").asDouble();
            double beyond = max + 1;
            assertThrows(InvalidAnalysisParameterException.class, () -> with(d, name, beyond), name);
            assertDoesNotThrow(() -> with(d, name, max), name);
        }
        assertThrows(InvalidAnalysisParameterException.class, () -> with(d, "t0Ms", 0));
    }

    private static ProtocolParameters with(ProtocolParameters d, String name, double v) {
        return new ProtocolParameters(
                name.equals("nCycles") ? (int) v : d.nCycles(),
                name.equals("t0Ms") ? v : d.t0Ms(),
                name.equals("t1Ms") ? v : d.t1Ms(),
                name.equals("t2Ms") ? v : d.t2Ms(),
                name.equals("v0Mv") ? v : d.v0Mv(),
                name.equals("v1Mv") ? v : d.v1Mv(),
                name.equals("v2Mv") ? v : d.v2Mv());
    }
}
