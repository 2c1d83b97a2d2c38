package org.signalanalyzer.dsp.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.filter.FilterChain;
import org.signalanalyzer.dsp.filter.SavitzkyGolay;

/**
 * Seeded mutation fuzzing of the filter-chain JSON the API and the browser send ({@link FilterChain#fromJson}),
 * then of applying what parsed to a trace. Every input must end in a chain (whose output keeps the trace's
 * length) or an {@link IllegalArgumentException} with a message; nothing else, no hang.
 * CI runs {@value #CI_CASES} inputs; the documented longer run: {@code -Dfuzz.iterations=20000}
 * (and {@code -Dfuzz.seed=N} to hunt elsewhere). A failure prints the seed and case to reproduce it.
 */
class FilterChainFuzzTest {

    static final int CI_CASES = 1500;
    private static final long SEED = Long.getLong("fuzz.seed", 90261124L);
    private static final int CASES = Integer.getInteger("fuzz.iterations", CI_CASES);
    /** Inputs per timed batch: a hang fails the batch with its case range instead of stalling the build. */
    private static final int BATCH = 250;

    private static final double FS_HZ = 20_000;
    /** {@code -Dfuzz.verbose=true} prints each input before it runs: the last line names a hang. */
    private static final boolean VERBOSE = Boolean.getBoolean("fuzz.verbose");

    static final List<String> SEEDS = List.of(
            "{\"preset\":\"gui-default\"}",
            "{\"preset\":\"batch\"}",
            "{\"steps\":[],\"desktop_order\":true}",
            "{\"steps\":[{\"type\":\"savgol\",\"window\":51,\"polyorder\":3,\"deriv\":0,\"mode\":\"interp\"}]}",
            "{\"steps\":[{\"type\":\"savgol\",\"window\":11,\"polyorder\":2,\"deriv\":1,\"mode\":\"constant\",\"cval\":1.5}]}",
            "{\"steps\":[{\"type\":\"butterworth\",\"btype\":\"lowpass\",\"order\":5,\"wn\":0.1,\"application\":\"desktop\"}]}",
            "{\"steps\":[{\"type\":\"butterworth\",\"btype\":\"bandpass\",\"order\":4,\"wn\":[0.1,0.3],\"application\":\"sosfiltfilt\"}]}",
            "{\"steps\":[{\"type\":\"butterworth\",\"btype\":\"highpass\",\"order\":2,\"cutoff_hz\":500,\"application\":\"filtfilt\"}]}",
            "{\"steps\":[{\"type\":\"wavelet\",\"wavelet\":\"db4\",\"level\":4,\"threshold_mode\":\"soft\",\"sigma\":\"mad\"}]}",
            "{\"steps\":[{\"type\":\"extract_add\",\"window\":51,\"polyorder\":3,\"prominence\":200,\"width_range\":[1,50]}]}",
            "{\"steps\":[{\"type\":\"fft\",\"threshold\":0.2,\"min_hz\":10,\"max_hz\":2000}]}",
            "{\"steps\":[{\"type\":\"savgol\",\"window\":101,\"polyorder\":3},{\"type\":\"wavelet\",\"wavelet\":\"sym4\"},"
                    + "{\"type\":\"butterworth\",\"btype\":\"bandstop\",\"order\":3,\"cutoff_hz\":[50,70]},"
                    + "{\"type\":\"fft\"}],\"desktop_order\":true}");

    static final List<String> VOCABULARY = List.of(
            "steps",
            "preset",
            "desktop_order",
            "type",
            "savgol",
            "butterworth",
            "wavelet",
            "extract_add",
            "fft",
            "window",
            "polyorder",
            "deriv",
            "mode",
            "cval",
            "interp",
            "mirror",
            "nearest",
            "constant",
            "wrap",
            "btype",
            "lowpass",
            "highpass",
            "bandpass",
            "bandstop",
            "order",
            "wn",
            "cutoff_hz",
            "application",
            "desktop",
            "sosfiltfilt",
            "filtfilt",
            "sosfilt",
            "lfilter",
            "level",
            "threshold_mode",
            "soft",
            "hard",
            "sigma",
            "mad",
            "median_abs",
            "haar",
            "db1",
            "db20",
            "sym2",
            "sym20",
            "coif1",
            "coif17",
            "db21",
            "prominence",
            "width_range",
            "threshold",
            "min_hz",
            "max_hz",
            "raw",
            "batch",
            "gui-default");

    @Test
    void everyMutatedChainParsesAndFiltersOrIsRefusedWithAMessage() {
        List<JsonNode> seeds = SEEDS.stream().map(JsonMutator::parse).toList();
        JsonMutator mutator = new JsonMutator(VOCABULARY);
        double[] trace = trace(4096);
        Random rnd = new Random(SEED);
        int[] outcome = new int[3];
        String[] running = {""};
        for (int from = 0; from < CASES; from += BATCH) {
            int start = from;
            int end = Math.min(CASES, from + BATCH);
            assertTimeoutPreemptively(
                    Duration.ofSeconds(60),
                    () -> {
                        for (int c = start; c < end; c++) {
                            String json = mutator.mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
                            running[0] = "case " + c + ": " + abbreviate(json);
                            if (VERBOSE) System.err.println(running[0]);
                            outcome[check(json, trace, "seed " + SEED + " case " + c)]++;
                        }
                    },
                    () -> "filter-chain fuzz batch, seed " + SEED + " cases " + start + ".." + (end - 1) + ", stuck at "
                            + running[0]);
        }
        assertEquals(CASES, outcome[0] + outcome[1] + outcome[2]);
        System.out.printf(
                "filter-chain fuzz: %d inputs, %d refused at parsing, %d refused at filtering, " + "%d filtered%n",
                CASES, outcome[0], outcome[1], outcome[2]);
    }

    /** 0: refused by fromJson, 1: refused by apply, 2: filtered. */
    static int check(String json, double[] trace, String what) {
        FilterChain chain;
        try {
            chain = FilterChain.fromJson(json);
        } catch (IllegalArgumentException e) {
            requireMessage(e, what, json);
            return 0;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError(what + ": fromJson threw " + e + " for " + abbreviate(json), e);
        }
        try {
            double[] y = chain.apply(trace.clone(), FS_HZ);
            if (y.length != trace.length) fail(what + ": " + chain + " changed the length to " + y.length);
            return 2;
        } catch (IllegalArgumentException e) {
            requireMessage(e, what, json);
            return 1;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError(what + ": applying " + abbreviate(chain.toString()) + " threw " + e, e);
        }
    }

    private static void requireMessage(IllegalArgumentException e, String what, String json) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            fail(what + ": refused without a message: " + abbreviate(json));
        }
    }

    static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "... (" + s.length() + " chars)" : s;
    }

    static double[] trace(int n) {
        Random r = new Random(7);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 100 * Math.sin(2 * Math.PI * 50 * i / FS_HZ) + 10 * r.nextGaussian() + (i % 997 == 0 ? 800 : 0);
        }
        return x;
    }

    /** Hostile chains refused today; kept so a regression shows at once. */
    @Test
    void namedHostileChainsAreRefusedWithAMessage() {
        assertAllRefused(List.of(
                "[".repeat(100_000),
                "{\"steps\":[{\"type\":\"butterworth\",\"order\":2147483647,\"wn\":0.1}]}",
                "{\"steps\":[{\"type\":\"wavelet\",\"wavelet\":\"db99\"}]}",
                "{\"steps\":[{\"type\":\"fft\",\"min_hz\":5000,\"max_hz\":10}]}",
                "{\"preset\":\"../../etc/passwd\"}"));
    }

    /** Crashing inputs the fuzzer found (fixed); each must be refused with an IllegalArgumentException. */
    @Test
    void crashingInputsFoundByTheFuzzerAreRefusedWithAMessage() {
        assertAllRefused(FOUND_CRASHES);
    }

    static final List<String> FOUND_CRASHES = List.of(
            // Savitzky–Golay allocates its window before comparing it with the trace: OutOfMemoryError.
            "{\"steps\":[{\"type\":\"savgol\",\"window\":2147483647,\"polyorder\":3}]}",
            // ... or, a little smaller, minutes of work on coefficients (the fuzzer's hang, seed 90261124 case 133;
            // 9999999999 also shows the next bug: it wraps to 1410065407).
            "{\"steps\":[{\"type\":\"savgol\",\"window\":9999999999,\"polyorder\":3}]}",
            // Whole numbers beyond int are wrapped silently (JsonNode.asInt): 2^32 + 51 runs as window 51.
            "{\"steps\":[{\"type\":\"savgol\",\"window\":4294967347,\"polyorder\":3}]}",
            "{\"steps\":[{\"type\":\"butterworth\",\"order\":4294967298,\"wn\":0.1}]}",
            // extract_add builds its Savitzky–Golay while parsing: OutOfMemoryError from fromJson (seed 90261124
            // case 622).
            "{\"steps\":[{\"type\":\"extract_add\",\"window\":1.0E308,\"polyorder\":3}]}");

    /**
     * Found through the API fuzzer (functions, seed 30261124 case 801): window 51 001 on a 220 000-sample trace
     * fits, but the coefficient solver allocated window² doubles (about 20 GB): OutOfMemoryError. SciPy solves a
     * (polyorder + 1) × window system. Must filter, or refuse with the limit named, within seconds; the largest
     * window allowed must filter.
     */
    @Test
    void aLargeSavitzkyGolayWindowOnALongTraceNeedsNoQuadraticMemory() {
        double[] x = trace(220_000);
        String json = "{\"steps\":[{\"type\":\"savgol\",\"window\":51001,\"polyorder\":3}]}";
        int o = assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> check(json, x, "named"), () -> "no answer within 20 s: " + json);
        if (o == 0) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FilterChain.fromJson(json));
            assertTrue(e.getMessage().contains("1 to " + SavitzkyGolay.MAX_WINDOW), e.getMessage());
        }
        String largest =
                "{\"steps\":[{\"type\":\"savgol\",\"window\":" + SavitzkyGolay.MAX_WINDOW + ",\"polyorder\":3}]}";
        assertEquals(
                2,
                assertTimeoutPreemptively(
                        Duration.ofSeconds(20),
                        () -> check(largest, x, "largest"),
                        () -> "no answer within 20 s: " + largest));
    }

    private static void assertAllRefused(List<String> chains) {
        List<String> problems = new ArrayList<>();
        double[] x = trace(4096);
        for (String json : chains) {
            try {
                int o = assertTimeoutPreemptively(
                        Duration.ofSeconds(20),
                        () -> check(json, x, "named"),
                        () -> "no answer within 20 s: " + abbreviate(json));
                if (o >= 2) problems.add("accepted: " + abbreviate(json));
            } catch (AssertionError e) {
                problems.add(e.getMessage());
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
