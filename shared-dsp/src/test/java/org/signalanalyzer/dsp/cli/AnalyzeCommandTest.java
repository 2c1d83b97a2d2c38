package org.signalanalyzer.dsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.SharedData;

/** {@code analyze FILE --json}: the documented keys, the desktop's numbers (raw, n = 35), exit 2 on bad input. */
class AnalyzeCommandTest {

    @Test
    void jsonCarriesTheResultAndItsProvenance() throws Exception {
        String file = SharedData.desktop("202304_0521.atf").toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(
                new String[] {"analyze", file, "--json", "--start-point", "35"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertEquals(0, code);
        JsonNode n = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        for (String key : List.of(
                "startingPoint",
                "baselinePa",
                "orange",
                "orangeTimesS",
                "normalized",
                "average",
                "purpleHyperpol",
                "purpleHyperpolTimesS",
                "purpleDepol",
                "purpleDepolTimesS",
                "qHyperpolPc",
                "qDepolPc",
                "capacitanceNf",
                "provenance")) {
            assertTrue(n.has(key), key);
        }
        // The desktop (expected-desktop.json, raw_n35), relative 1e-9.
        assertEquals(-44.528544608785026, n.get("qHyperpolPc").asDouble(), 44.6e-9);
        assertEquals(35, n.get("startingPoint").asInt());
        JsonNode p = n.get("provenance");
        assertEquals("desktop", p.get("mode").asText());
        assertEquals(64, p.get("inputSha256").asText().length());
        assertEquals(-20, p.get("parameters").get("v2Mv").asDouble(), 0);
        assertTrue(p.get("filterChain").get("steps").isArray());
    }

    @Test
    void badInputExitsWith2AndSaysWhy() {
        String file = SharedData.desktop("202304_0521.atf").toString();
        for (String[] args : List.of(
                new String[] {"analyze", file, "--n-cycles", "0"},
                new String[] {"analyze", file, "--mode", "fast"},
                new String[] {"analyze", file, "--start-point", "2000"},
                new String[] {"analyze", file, "--range-hyperpol", "5"},
                new String[] {"analyze", file, "--preset", "none"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Cli.run(
                    args,
                    new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, code, String.join(" ", args) + ": " + err);
            assertTrue(err.size() > 10, "a message for " + String.join(" ", args));
        }
    }
}
