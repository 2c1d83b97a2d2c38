package org.signalanalyzer.dsp.analysis.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.signalanalyzer.dsp.SharedData;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.DesktopSample;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.analysis.StartingPoint;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.filter.FilterChain;
import org.signalanalyzer.dsp.io.Recording;

/**
 * Reference: the desktop application itself (expected-desktop.json: its outputs on 202304_0521.atf, six
 * configurations). Every value to relative 1e-9, or absolute 1e-9 where |value| < 1.
 */
class DesktopParityTest {

    static final double TOL = 1e-9;

    static Recording recording;
    static StepProtocolAnalysis.Input input;

    @BeforeAll
    static void read() throws Exception {
        DesktopSample sample = DesktopSample.read();
        recording = sample.recording();
        input = sample.input();
    }

    static Stream<JsonNode> cases() throws Exception {
        JsonNode root = new ObjectMapper()
                .readTree(SharedData.desktop("expected-desktop.json").toFile());
        List<JsonNode> list = new ArrayList<>();
        root.get("cases").forEach(list::add);
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyValueMatchesTheDesktop(JsonNode c) {
        String name = c.get("case").asText();
        String preset = name.substring(0, name.lastIndexOf('_')).replace('_', '-');
        JsonNode params = c.get("params");
        ProtocolParameters p = new ProtocolParameters(
                params.get("n_cycles").asInt(),
                params.get("t0").asDouble(),
                params.get("t1").asDouble(),
                params.get("t2").asDouble(),
                params.get("V0").asDouble(),
                params.get("V1").asDouble(),
                params.get("V2").asDouble());
        StartingPoint sp = c.get("auto_optimize_starting_point").asBoolean()
                ? StartingPoint.AUTO
                : StartingPoint.given(c.get("starting_point_n").asInt());
        AnalysisRequest req =
                new AnalysisRequest(AnalysisMode.DESKTOP, p, sp, FilterChain.preset(preset), null, 0, 0, null);
        AnalysisResult r = StepProtocolAnalysis.run(recording, req, input);

        List<String> errors = new ArrayList<>();
        assertEquals(c.get("starting_point_n").asInt(), r.startingPoint(), name + " starting point");
        near(errors, "baseline", c.get("baseline_pA").asDouble(), r.baselinePa());
        curve(errors, "orange", c.get("orange"), r.orange());
        curve(errors, "orange_t_s", c.get("orange_t_s"), r.orangeTimesS());
        curve(errors, "normalized", c.get("normalized"), r.normalized());
        curve(errors, "average", c.get("average"), r.average());
        curve(errors, "purple_hyperpol", c.get("purple_hyperpol"), r.purpleHyperpol());
        curve(errors, "purple_hyperpol_t_s", c.get("purple_hyperpol_t_s"), r.purpleHyperpolTimesS());
        curve(errors, "purple_depol", c.get("purple_depol"), r.purpleDepol());
        curve(errors, "purple_depol_t_s", c.get("purple_depol_t_s"), r.purpleDepolTimesS());
        near(errors, "Q_hyperpol_pC", c.get("Q_hyperpol_pC").asDouble(), r.qHyperpolPc());
        near(errors, "Q_depol_pC", c.get("Q_depol_pC").asDouble(), r.qDepolPc());
        near(errors, "C_linear_nF", c.get("C_linear_nF").asDouble(), r.capacitanceNf());
        if (!errors.isEmpty()) fail(name + ": " + String.join("; ", errors));
    }

    static void curve(List<String> errors, String what, JsonNode expected, double[] actual) {
        if (expected.size() != actual.length) {
            errors.add(what + " has " + actual.length + " points, the desktop " + expected.size());
            return;
        }
        int bad = 0;
        String first = null;
        for (int i = 0; i < actual.length; i++) {
            double e = expected.get(i).asDouble();
            if (!within(e, actual[i])) {
                if (first == null) first = what + "[" + i + "] = " + actual[i] + ", desktop " + e;
                bad++;
            }
        }
        if (bad > 0) errors.add(bad + " point(s) off, first " + first);
    }

    static void near(List<String> errors, String what, double expected, double actual) {
        if (!within(expected, actual)) errors.add(what + " = " + actual + ", desktop " + expected);
    }

    static boolean within(double expected, double actual) {
        return Math.abs(actual - expected) <= TOL * Math.max(1, Math.abs(expected));
    }
}
