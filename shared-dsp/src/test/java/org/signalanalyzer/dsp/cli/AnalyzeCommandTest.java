package org.signalanalyzer.dsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.SharedData;
import org.signalanalyzer.dsp.analysis.ResultKeys;

/** {@code analyze FILE --json}: the documented keys, the desktop's numbers (raw, n = 35), exit 2 on bad input. */
class AnalyzeCommandTest {

    @Test
    void jsonCarriesTheResultAndItsProvenance() throws Exception {
        String file = SharedData.desktop("202304_0521.atf").toString();
        CliRun run = CliRun.cli("analyze", file, "--json", "--start-point", "35");
        assertEquals(0, run.code(), run.err());
        JsonNode n = new ObjectMapper().readTree(run.out());
        for (String key : ResultKeys.PROMISED) {
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
            CliRun run = CliRun.cli(args);
            assertEquals(2, run.code(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().length() > 10, "a message for " + String.join(" ", args));
        }
    }
}
