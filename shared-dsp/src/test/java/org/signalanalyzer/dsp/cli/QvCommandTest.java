package org.signalanalyzer.dsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.analysis.SyntheticChargeVoltageCell;

/**
 * {@code qv FILES...}: a synthetic set on disk (one file named without set or voltage, assigned on the command line),
 * the JSON the issue documents, the table, and exit 2 on mistakes.
 */
class QvCommandTest {

    static final double[] VOLTAGES = {-70, -60, -40, -30, -20, -10, 0, 20, 40};

    @TempDir
    static Path dir;

    static SyntheticChargeVoltageCell cell = new SyntheticChargeVoltageCell();
    static List<String> args = new ArrayList<>();

    @BeforeAll
    static void writeSet() throws Exception {
        cell.fs = 20_000;
        cell.vHalfMv = -28;
        cell.slopeMv = 11;
        cell.qMaxPc = 3;
        args.add("qv");
        int n = 40;
        for (double v : VOLTAGES) {
            String name =
                    v == -50 ? "unnamed.atf" : String.format(Locale.ROOT, "20240611_%04d_5_%dmV.atf", n++, (int) v);
            Files.write(dir.resolve(name), cell.atf(v));
            args.add(dir.resolve(name).toString());
        }
        Files.write(dir.resolve("unnamed.atf"), cell.atf(-50));
        args.add(dir.resolve("unnamed.atf").toString());
        ProtocolParameters p = cell.parameters(-20);
        args.addAll(List.of(
                "--t0",
                Double.toString(p.t0Ms()),
                "--t1",
                Double.toString(p.t1Ms()),
                "--t2",
                Double.toString(p.t2Ms()),
                "--v0",
                Double.toString(p.v0Mv()),
                "--v1",
                Double.toString(p.v1Mv()),
                "--set-of",
                "unnamed.atf=5",
                "--voltage-of",
                "unnamed.atf=-50"));
    }

    static CliRun run(List<String> a) {
        return CliRun.cli(a);
    }

    @Test
    void jsonHasTheIssuesShapeAndTheCellsParameters() throws Exception {
        List<String> a = new ArrayList<>(args);
        a.addAll(List.of("--json", "--exclude", "20240611_0040_5_-70mV.atf"));
        CliRun r = run(a);
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertEquals("standard", n.get("mode").asText(), "standard mode unless asked otherwise");
        assertEquals("qDepolPc", n.get("fittedCharge").asText());
        JsonNode set = n.get("sets").get(0);
        assertEquals(1, n.get("sets").size(), "the assigned file joined set 5");
        assertEquals("5", set.get("set").asText());
        assertEquals(VOLTAGES.length + 1, set.get("points").size());
        JsonNode first = set.get("points").get(0);
        for (String key : List.of("file", "v2Mv", "qDepolPc", "qHyperpolPc", "capacitanceNf", "excluded")) {
            assertTrue(first.has(key), key);
        }
        assertEquals("20240611_0040_5_-70mV.atf", first.get("file").asText());
        assertTrue(first.get("excluded").asBoolean());
        assertEquals("unnamed.atf", set.get("points").get(2).get("file").asText(), "in voltage order");
        assertEquals(
                cell.movedChargePc(-50),
                set.get("points").get(2).get("qDepolPc").asDouble(),
                0.02 * 3);
        JsonNode b = set.get("boltzmann");
        assertEquals(-28, b.get("vHalfMv").asDouble(), 1.5);
        assertEquals(11, b.get("slopeMv").asDouble(), 1.1);
        assertEquals(3, b.get("qMaxPc").asDouble(), 0.09);
        assertEquals(VOLTAGES.length - 3, b.get("degreesOfFreedom").asInt(), "one excluded, one assigned");
        for (String key : List.of("qMaxPc", "vHalfMv", "slopeMv")) {
            assertEquals(2, b.get("ci95").get(key).size(), key);
            assertTrue(b.get("ci95").get(key).get(0).asDouble() < b.get(key).asDouble());
        }
        assertTrue(b.get("r2").asDouble() > 0.99);
        assertEquals(VOLTAGES.length, set.get("cv").get("v2Mv").size());
    }

    @Test
    void withoutJsonATable() {
        CliRun r = run(args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("set 5 (10 files)"), r.out());
        assertTrue(
                r.out().contains("unnamed.atf")
                        && r.out().contains("V½")
                        && r.out().contains("95% CI"),
                r.out());
    }

    @Test
    void mistakesExitWith2AndSayWhat() {
        List<String> unknown = new ArrayList<>(args);
        unknown.addAll(List.of("--exclude", "nothere.atf"));
        CliRun r = run(unknown);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'nothere.atf', which is not among the FILEs"), r.err());

        List<String> unassigned = new ArrayList<>(args.subList(0, VOLTAGES.length + 2));
        CliRun u = run(unassigned);
        assertEquals(2, u.code());
        assertTrue(u.err().contains("'unnamed.atf' (no set, no voltage)"), u.err());

        List<String> bad = new ArrayList<>(args);
        bad.addAll(List.of("--voltage-of", "unnamed.atf=minus fifty"));
        CliRun v = run(bad);
        assertEquals(2, v.code());
        assertTrue(v.err().contains("needs a number of mV"), v.err());
    }
}
