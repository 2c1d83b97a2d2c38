package org.signalanalyzer.dsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.signalanalyzer.dsp.SharedData;
import org.signalanalyzer.dsp.filter.GoldenCase;

/** {@code filter --case} on every golden case (SciPy / PyWavelets) and {@code filter FILE} on the desktop sample. */
class FilterCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<GoldenCase> cases() throws IOException {
        List<GoldenCase> all = new ArrayList<>();
        for (String op : new String[] {"savgol", "butter_sosfiltfilt", "wavelet", "welch"})
            all.addAll(GoldenCase.all(op));
        return all;
    }

    private static CliRun run(String... args) {
        return CliRun.cli(args);
    }

    /** Same bounds as the library tests: 1e-9 of the output's range, 1e-6 for wavelets. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseOutputMatchesTheReference(GoldenCase c) throws IOException {
        CliRun r = run("filter", "--case", SharedData.golden(c.name() + ".json").toString());
        assertEquals(0, r.code(), r.err());
        double[] y = GoldenCase.doubles(JSON.readTree(r.out()).get("output"));
        double bound = c.op().startsWith("wavelet") ? 1e-6 : 1e-9;
        GoldenCase.assertRelativeError(c.name(), c.output(), y, bound);
    }

    @Test
    void filtersARecordingWithAPresetIntoCsv(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("out.csv");
        CliRun r = run(
                "filter",
                SharedData.desktop("202304_0521.atf").toString(),
                "--preset",
                "gui-default",
                "--out",
                csv.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode summary = JSON.readTree(r.out());
        assertEquals(109_999, summary.get("samples").asInt());
        assertEquals(
                "savgol", summary.get("chain").get("steps").get(0).get("type").asText());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("time_s,raw,filtered", lines.get(0));
        assertEquals(109_999 + 1, lines.size());
        // expected-desktop.json, case gui_default_n35: filtered_first5[0].
        assertEquals(1325.8936549059692, Double.parseDouble(lines.get(1).split(",")[2]), 1e-6);
    }

    @Test
    void badInputExitsWithTwoAndSaysWhy(@TempDir Path dir) throws IOException {
        Path chain = dir.resolve("chain.json");
        Files.writeString(chain, "{\"steps\":[{\"type\":\"savgol\",\"window\":5,\"polyorder\":7}]}");
        CliRun r = run(
                "filter",
                SharedData.desktop("202304_0521.atf").toString(),
                "--chain",
                chain.toString(),
                "--out",
                dir.resolve("o.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("polyorder"), r.err());
        r = run(
                "filter",
                SharedData.desktop("202304_0521.atf").toString(),
                "--out",
                dir.resolve("o.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--chain or --preset"), r.err());
    }
}
