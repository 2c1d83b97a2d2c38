package org.signalanalyzer.dsp.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.SharedData;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.CurveFits;
import org.signalanalyzer.dsp.analysis.FitModel;
import org.signalanalyzer.dsp.analysis.Integrals;
import org.signalanalyzer.dsp.analysis.IntegrationRanges;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.analysis.StartingPoint;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.cli.CliRun;
import org.signalanalyzer.dsp.filter.FilterChain;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingReaders;

/**
 * Seeded fuzzing of everything a user types into an analysis: the protocol (n_cycles, times, voltages), the
 * starting point, the integration ranges, sweep and channel, the fit ranges, a stored result read back, and the
 * {@code analyze} command line. Every input ends in a result or an {@link IllegalArgumentException} (the CLI: exit
 * 0 or 2 with a message), never another exception or a hang. CI runs a few hundred inputs; the longer run:
 * {@code -Dfuzz.iterations=20000} (with {@code -Dfuzz.seed=N} to look elsewhere).
 */
class AnalysisParameterFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 70261124L);
    private static final int CASES = Integer.getInteger("fuzz.iterations", 300);
    private static final int CLI_CASES = Math.max(20, CASES / 10);
    private static final int BATCH = 50;
    private static final double[] NUMBERS = {
        0,
        -0.0,
        1,
        -1,
        2,
        10,
        20,
        35,
        100,
        199,
        200,
        1000,
        -80,
        -100,
        -20,
        100.0000001,
        -100,
        1e-9,
        1e9,
        1e300,
        -1e300,
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE,
        0.5,
        2.5,
        Integer.MAX_VALUE,
        Integer.MIN_VALUE
    };

    private static double number(Random rnd) {
        return rnd.nextInt(3) == 0
                ? rnd.nextGaussian() * Math.pow(10, rnd.nextInt(6))
                : NUMBERS[rnd.nextInt(NUMBERS.length)];
    }

    private static int integer(Random rnd) {
        return switch (rnd.nextInt(4)) {
            case 0 -> rnd.nextInt(5) - 1;
            case 1 -> rnd.nextInt(400) - 100;
            case 2 -> new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 1, 1 << 20}[rnd.nextInt(4)];
            default -> rnd.nextInt(20);
        };
    }

    private static ProtocolParameters protocol(Random rnd) {
        ProtocolParameters d = ProtocolParameters.DESKTOP_DEFAULTS;
        // Mostly one field off the defaults, so the pipeline behind the validation is reached, not only the checks.
        return switch (rnd.nextInt(14)) {
            case 0 -> new ProtocolParameters(integer(rnd), d.t0Ms(), d.t1Ms(), d.t2Ms(), d.v0Mv(), d.v1Mv(), d.v2Mv());
            case 1 ->
                new ProtocolParameters(d.nCycles(), number(rnd), d.t1Ms(), d.t2Ms(), d.v0Mv(), d.v1Mv(), d.v2Mv());
            case 2 ->
                new ProtocolParameters(d.nCycles(), d.t0Ms(), number(rnd), d.t2Ms(), d.v0Mv(), d.v1Mv(), d.v2Mv());
            case 3 ->
                new ProtocolParameters(d.nCycles(), d.t0Ms(), d.t1Ms(), number(rnd), d.v0Mv(), d.v1Mv(), d.v2Mv());
            case 4 ->
                new ProtocolParameters(d.nCycles(), d.t0Ms(), d.t1Ms(), d.t2Ms(), number(rnd), number(rnd), d.v2Mv());
            case 5 ->
                new ProtocolParameters(d.nCycles(), d.t0Ms(), d.t1Ms(), d.t2Ms(), d.v0Mv(), d.v1Mv(), number(rnd));
            case 6 ->
                new ProtocolParameters(
                        1 + rnd.nextInt(10),
                        Math.abs(number(rnd)),
                        Math.abs(number(rnd)),
                        Math.abs(number(rnd)),
                        number(rnd),
                        number(rnd),
                        number(rnd));
            default -> d;
        };
    }

    private static IntegrationRanges ranges(Random rnd) {
        if (rnd.nextInt(4) != 0) return null;
        IntegrationRanges.Unit unit = rnd.nextBoolean() ? IntegrationRanges.Unit.POINTS : IntegrationRanges.Unit.MS;
        return new IntegrationRanges(
                unit, new double[] {number(rnd), number(rnd)}, new double[] {number(rnd), number(rnd)});
    }

    private static AnalysisRequest request(Random rnd) {
        AnalysisMode mode = rnd.nextBoolean() ? AnalysisMode.DESKTOP : AnalysisMode.STANDARD;
        StartingPoint sp = rnd.nextBoolean() ? StartingPoint.AUTO : StartingPoint.given(integer(rnd));
        FilterChain chain = FilterChain.fromJson(FilterChainFuzzTest.SEEDS.get(rnd.nextInt(2)));
        Integer vch = rnd.nextInt(10) == 0 ? integer(rnd) : null;
        int sweep = rnd.nextInt(10) == 0 ? integer(rnd) : 0;
        int channel = rnd.nextInt(10) == 0 ? integer(rnd) : 0;
        return new AnalysisRequest(mode, protocol(rnd), sp, chain, ranges(rnd), sweep, channel, vch);
    }

    @Test
    void everyFuzzedRequestGivesAResultOrAnInvalidParameterError() throws Exception {
        List<Recording> recordings = new ArrayList<>();
        List<String> names = List.of("202304_0521.atf", "model_vc_step.abf", "18702001-step.abf");
        recordings.add(RecordingReaders.read(SharedData.desktop(names.get(0))));
        recordings.add(RecordingReaders.read(SharedData.real(names.get(1))));
        recordings.add(RecordingReaders.read(SharedData.real(names.get(2))));
        JsonMutator mutator = new JsonMutator(List.of(
                "mode",
                "desktop",
                "standard",
                "points",
                "ms",
                "ranges",
                "hyperpol",
                "depol",
                "startingPoint",
                "provenance",
                "purpleHyperpol",
                "purpleDepol"));
        Random rnd = new Random(SEED);
        int[] counts = new int[2];
        List<AnalysisResult> results = new ArrayList<>();
        String[] running = {""};
        for (int from = 0; from < CASES; from += BATCH) {
            int start = from;
            int end = Math.min(CASES, from + BATCH);
            assertTimeoutPreemptively(
                    Duration.ofSeconds(120),
                    () -> {
                        for (int c = start; c < end; c++) {
                            String what = "seed " + SEED + " case " + c;
                            int which = rnd.nextInt(recordings.size());
                            AnalysisResult r = null;
                            try {
                                AnalysisRequest req = request(rnd);
                                what += " (" + names.get(which) + ", " + req.mode() + ", " + req.parameters()
                                        + ", start "
                                        + req.startingPoint() + ", ranges " + req.ranges() + ", sweep " + req.sweep()
                                        + ", channel " + req.channel() + ", voltage channel " + req.voltageChannel()
                                        + ")";
                                running[0] = what;
                                if (Boolean.getBoolean("fuzz.verbose")) System.err.println(what);
                                r = StepProtocolAnalysis.run(
                                        recordings.get(which),
                                        req,
                                        new StepProtocolAnalysis.Input(names.get(which), "0"));
                                counts[1]++;
                            } catch (IllegalArgumentException e) {
                                assertTrue(
                                        e.getMessage() != null
                                                && !e.getMessage().isBlank(),
                                        what + ": no message");
                                counts[0]++;
                            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                                throw new AssertionError(what + ": threw " + e, e);
                            }
                            if (r != null) {
                                if (results.size() < 20) results.add(r);
                                afterwards(r, rnd, mutator, what);
                            }
                        }
                    },
                    () -> "analysis fuzz batch, seed " + SEED + " cases " + start + ".." + (end - 1) + ", stuck at "
                            + running[0]);
        }
        assertEquals(CASES, counts[0] + counts[1]);
        assertTrue(counts[1] > 0, "no fuzzed request reached a result: the fuzzer only tests the validation");
        System.out.printf("analysis fuzz: %d requests, %d refused, %d analysed%n", CASES, counts[0], counts[1]);
    }

    /** What the API does with a stored result: new ranges, fits, and reading it back (perhaps damaged). */
    private static void afterwards(AnalysisResult r, Random rnd, JsonMutator mutator, String what) {
        for (int k = 0; k < 5; k++) {
            String step = "";
            try {
                step = "integrals";
                IntegrationRanges ranges = ranges(rnd);
                if (Boolean.getBoolean("fuzz.verbose")) System.err.println("  integrals " + ranges);
                if (ranges != null) Integrals.recompute(r, ranges);
                String curve = rnd.nextBoolean() ? "hyperpol" : rnd.nextBoolean() ? "depol" : "orange";
                FitModel model = FitModel.values()[rnd.nextInt(3)];
                int fitFrom = integer(rnd);
                int fitTo = integer(rnd);
                step = "fit " + curve + " " + model + " [" + fitFrom + ", " + fitTo + "]";
                if (Boolean.getBoolean("fuzz.verbose")) System.err.println("  " + step);
                CurveFits.fit(r, curve, model, fitFrom, fitTo);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), what + " " + step + ": no message");
            } catch (RuntimeException e) {
                throw new AssertionError(what + " " + step + ": threw " + e, e);
            }
        }
        JsonNode stored = JsonMutator.parse(r.toJson());
        try {
            String damaged = mutator.mutate(stored, rnd);
            if (Boolean.getBoolean("fuzz.verbose")) {
                System.err.println("  stored result, damaged: " + FilterChainFuzzTest.abbreviate(damaged));
            }
            AnalysisResult back = AnalysisResult.fromJson(damaged);
            Integrals.recompute(back, IntegrationRanges.points(0, 10, 0, 10));
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage() != null, what + ": a damaged stored result refused without a message");
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": a damaged stored result threw " + e, e);
        }
    }

    private static final String[] OPTIONS = {
        "mode",
        "preset",
        "chain",
        "start-point",
        "v0",
        "v1",
        "v2",
        "t0",
        "t1",
        "t2",
        "n-cycles",
        "range-hyperpol",
        "range-depol",
        "sweep",
        "channel",
        "voltage-channel",
        "json",
        "bogus"
    };
    private static final String[] VALUES = {
        "desktop",
        "standard",
        "DESKTOP",
        "raw",
        "batch",
        "gui-default",
        "auto",
        "35",
        "-1",
        "0",
        "1e999",
        "NaN",
        "Infinity",
        "-Infinity",
        "0x10",
        "1,2",
        "0,200",
        "200,0",
        ",",
        "1,2,3",
        "",
        " ",
        "--json",
        "10",
        "11",
        "2147483648",
        "-80",
        "-100",
        "-20",
        "100.5",
        "\u0000",
        "../../etc/passwd",
        "\u00b5",
        "1_000",
        "1e-320"
    };

    @Test
    void theAnalyzeCommandLineEndsInAResultOrExitCodeTwo() {
        Path file = SharedData.desktop("202304_0521.atf");
        Random rnd = new Random(SEED + 1);
        int[] exits = new int[3];
        for (int from = 0; from < CLI_CASES; from += BATCH) {
            int start = from;
            int end = Math.min(CLI_CASES, from + BATCH);
            assertTimeoutPreemptively(
                    Duration.ofSeconds(180),
                    () -> {
                        for (int c = start; c < end; c++) {
                            List<String> args = new ArrayList<>(List.of("analyze", file.toString()));
                            for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
                                args.add("--" + OPTIONS[rnd.nextInt(OPTIONS.length)]);
                                if (rnd.nextInt(8) != 0) args.add(VALUES[rnd.nextInt(VALUES.length)]);
                            }
                            CliRun run = CliRun.cli(args);
                            int code = run.code();
                            String message = run.err();
                            if (code == 1 || code > 2)
                                fail("seed " + SEED + " cli case " + c + " " + args + ": exit " + code + ": "
                                        + message);
                            if (code == 2) assertTrue(!message.isBlank(), args + ": exit 2 without a message");
                            exits[code]++;
                        }
                    },
                    "analyze command-line fuzz, cases " + start + ".." + (end - 1));
        }
        System.out.printf(
                "analyze CLI fuzz: %d command lines, %d analysed, %d refused (exit 2)%n",
                CLI_CASES, exits[0], exits[2]);
        assertTrue(Files.isRegularFile(file));
    }

    /**
     * Found by this fuzzer (seed 70261124 case 107): {@code to - from + 1} overflows for a very negative
     * {@code to}, the range check passes, and the fit allocates about 2^31 points (OutOfMemoryError; through the
     * API a 500).
     */
    @Test
    void aFitRangeEndingFarBelowItsStartIsRefused() throws Exception {
        Recording rec = RecordingReaders.read(SharedData.desktop("202304_0521.atf"));
        AnalysisResult r = StepProtocolAnalysis.run(
                rec, AnalysisRequest.desktopDefaults(), new StepProtocolAnalysis.Input("202304_0521.atf", "0"));
        assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> assertThrows(
                        IllegalArgumentException.class,
                        () -> CurveFits.fit(r, "hyperpol", FitModel.EXP_DECAY, 72, Integer.MIN_VALUE)));
    }

    /**
     * Found by this fuzzer (seed 70261124 case 1609, 20 000-input run): an exponential fit on the purple curve of
     * an analysis with an absurd V0 throws commons-math's ConvergenceException, not the typed error (through the
     * API's fits endpoint: a 500).
     */
    @Test
    void aFitThatCannotConvergeIsRefused() throws Exception {
        Recording rec = RecordingReaders.read(SharedData.desktop("202304_0521.atf"));
        AnalysisRequest req = AnalysisRequest.desktopDefaults()
                .withChain(FilterChain.preset("raw"))
                .withStartingPoint(StartingPoint.given(183))
                .withParameters(new ProtocolParameters(
                        9, 2.437817622363585, 991.529779819716, 100.0000001, -1.0E300, -50.92466937751416, 0.0));
        AnalysisResult r = StepProtocolAnalysis.run(rec, req, new StepProtocolAnalysis.Input("202304_0521.atf", "0"));
        try {
            CurveFits.fit(r, "hyperpol", FitModel.EXP_DECAY, 14, 17);
        } catch (IllegalArgumentException refused) {
            return;
        }
    }

    /** Found by this fuzzer (cli case 30): {@code --chain ""} read a directory and exited 1 (failed), not 2. */
    @Test
    void anEmptyChainPathIsExitCodeTwo() {
        CliRun run = CliRun.cli("analyze", SharedData.desktop("202304_0521.atf").toString(), "--chain", "");
        assertEquals(2, run.code(), run.err());
    }
}
