package org.signalanalyzer.dsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalanalyzer.dsp.SharedData;

/** {@code info} run in-process through {@link Cli#run}, as the shell would run it. */
class InfoCommandTest {

    private static CliRun run(String... args) {
        return CliRun.cli(args);
    }

    /** File_axon_2.abf against pyABF's header dump (expected.json): gap-free, 1 kHz, 4 tags, first value -55.2887. */
    @Test
    void jsonForAGoodFile() throws Exception {
        CliRun r = run("info", SharedData.real("File_axon_2.abf").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertEquals(
                List.of(
                        "format",
                        "formatVersion",
                        "acquisitionMode",
                        "sweepCount",
                        "samplesPerSweep",
                        "sampleRateHz",
                        "channels",
                        "sweepStartTimesS",
                        "tags",
                        "sweep0Channel0"),
                keys);
        assertEquals("ABF", j.get("format").asText());
        assertEquals("1.8.3.0", j.get("formatVersion").asText());
        assertEquals("Gap Free", j.get("acquisitionMode").asText());
        assertEquals(1, j.get("sweepCount").asInt());
        assertEquals(1_200_000, j.get("samplesPerSweep").asInt());
        assertEquals(1000.0, j.get("sampleRateHz").asDouble(), 1e-9);
        assertEquals("10Vm", j.get("channels").get(0).get("name").asText());
        assertEquals("mV", j.get("channels").get(0).get("unit").asText());
        assertEquals(4, j.get("tags").size());
        assertEquals(26.765, j.get("tags").get(0).get("timeS").asDouble(), 1e-9);
        assertEquals(
                "Clampex start acquisition", j.get("tags").get(0).get("comment").asText());
        JsonNode s = j.get("sweep0Channel0");
        // pyABF reference (expected.json): mean -49.9064 (4 decimals), min -64.3188, max 0.302124; ABFFIO first
        // -55.2887.
        assertEquals(-49.9064, s.get("mean").asDouble(), 0.5e-4);
        assertEquals(-64.3188, s.get("min").asDouble(), 0.5e-4);
        assertEquals(0.302124, s.get("max").asDouble(), 0.5e-6);
        assertEquals(5, s.get("first5").size());
        assertEquals(-55.2887, s.get("first5").get(0).asDouble(), 0.5e-4);
    }

    @Test
    void tablePrintsArraysReadably() {
        CliRun r = run("info", SharedData.real("18702001-step.atf").toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("[D@"), r.out());
        assertTrue(r.out().contains("-10.498, -11.2305, -12.4512, -13.916, -14.0381"), r.out());
        assertTrue(r.out().contains("IN 0 (pA), IN 1 (A)"), r.out());
        assertTrue(r.out().contains("0, 1, 2"), r.out());
    }

    @Test
    void badFileExitsWithCode2AndTheMessageOnStderr(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken.atf");
        Files.writeString(bad, "ATF\t1.0\n0\t2\n\"Time (s)\"\t\"IN 0 (pA)\"\n0\t1\n1e-4\toops\n");
        CliRun r = run("info", bad.toString(), "--json");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("broken.atf: line 5"), r.err());
        assertTrue(r.err().contains("expected a number in column 2"), r.err());
    }
}
