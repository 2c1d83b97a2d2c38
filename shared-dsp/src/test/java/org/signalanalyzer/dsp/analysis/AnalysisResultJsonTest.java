package org.signalanalyzer.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.analysis.desktop.StartingPointScore;
import org.signalanalyzer.dsp.analysis.standard.StepOnset;

class AnalysisResultJsonTest {

    static AnalysisResult sample() throws Exception {
        JsonNode chain = new ObjectMapper().readTree("{\"steps\":[{\"type\":\"savgol\",\"window\":101}]}");
        Provenance p = new Provenance(
                AnalysisMode.DESKTOP,
                ProtocolParameters.DESKTOP_DEFAULTS,
                "auto",
                chain,
                "desktop forward-backward",
                0,
                0,
                1,
                null,
                "x.atf",
                "ab12",
                1e5,
                "0.1.0",
                "2026-11-24T23:00:00Z",
                List.of("a note"));
        CurveFit fit = new CurveFit(
                "hyperpol",
                FitModel.EXP_DECAY,
                2,
                10,
                Map.of("tauMs", 1.5),
                0.99,
                new double[] {0, 1e-3},
                new double[] {1, 2});
        return new AnalysisResult(
                AnalysisMode.DESKTOP,
                30,
                "auto",
                List.of(
                        new StartingPointScore(10, 0.5, 0.4, 0.6, null),
                        new StartingPointScore(20, 0, 0, 0, "orange curve too short")),
                1976.625,
                -80,
                -20,
                new double[] {1.25, -3.5},
                new double[] {2.45e-4, 7.45e-4},
                new double[] {0.1 / 3},
                new double[] {1e-3},
                new double[] {Math.PI},
                new double[] {2e-3},
                new double[] {-1, -2, -3},
                new double[] {0.5, 0.6, 0.7},
                new double[] {4},
                new double[] {0.4},
                null,
                null,
                List.of(new StepOnset("v2-on", 83400, 83399.5, 0.834, -80, -20)),
                IntegrationRanges.points(0, 200, 0, 200),
                -44.5,
                -36.8,
                0.128,
                List.of(fit),
                p);
    }

    @Test
    void roundTripKeepsEveryValueBitForBit() throws Exception {
        AnalysisResult r = sample();
        String json = r.toJson();
        AnalysisResult back = AnalysisResult.fromJson(json);
        assertEquals(json, back.toJson());
        assertArrayEquals(r.average(), back.average(), 0.0);
        assertEquals(r.provenance().filterChain(), back.provenance().filterChain());
        assertEquals(IntegrationRanges.points(0, 200, 0, 200), back.ranges());
        assertEquals(FitModel.EXP_DECAY, back.fits().get(0).model());
    }

    @Test
    void jsonHasTheKeysTheApiPromises() throws Exception {
        JsonNode n = new ObjectMapper().readTree(sample().toJson());
        for (String key : ResultKeys.PROMISED) {
            assertTrue(n.has(key), "missing key " + key);
        }
        assertEquals("desktop", n.get("mode").asText());
        assertEquals(30, n.get("startingPoint").asInt());
        assertEquals("points", n.get("ranges").get("unit").asText());
        assertEquals("exp-decay", n.get("fits").get(0).get("model").asText());
    }

    @Test
    void arraysCannotBeChangedFromOutside() throws Exception {
        AnalysisResult r = sample();
        r.orange()[0] = 99;
        assertEquals(1.25, r.orange()[0], 0.0);
    }
}
