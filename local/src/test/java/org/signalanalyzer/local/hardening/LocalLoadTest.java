package org.signalanalyzer.local.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalanalyzer.functions.limits.Limits;
import org.signalanalyzer.local.LocalClient;
import org.signalanalyzer.local.LocalRuntime;
import org.signalanalyzer.local.LocalSettings;

/**
 * Concurrent sessions on the local runtime over loopback HTTP, each uploading and analysing the desktop sample
 * recording: no request may fail. CI runs 8 sessions; the load figure of issue 9 is
 * {@code -Dload.sessions=50} (see bench/README.md), which prints throughput and p50/p99 latency.
 */
class LocalLoadTest {

    private static final int SESSIONS = Integer.getInteger("load.sessions", 8);
    private static final long TIMEOUT_S = Long.getLong("load.timeout-s", 600);
    /**
     * When set, the server then serves this many more sessions, in rounds of the measured run's size, and the run is
     * measured again: a server that has served some work (its hot code compiled) rather than one whose JIT is still
     * compiling. The server's code is large (Micronaut, Netty, S3Proxy's Jetty, the SDK, Jackson) and a session runs
     * much of it only a few times, so the JIT is still busy hundreds of sessions after the start (bench/README.md).
     * bench/run.py asks for 500; CI's correctness run for none.
     */
    private static final int STEADY_WARM_UP_SESSIONS = Integer.getInteger("load.steady-warm-up-sessions", 0);
    /** Sessions run one at a time at the end to print each step's CPU cost (bench/run.py asks for 20); 0: none. */
    private static final int STEP_COST_SESSIONS = Integer.getInteger("load.step-cost-sessions", 0);

    @TempDir
    Path data;

    @Test
    void concurrentSessionsUploadAndAnalyseWithoutAnError() throws Exception {
        // Every load session comes from this one address at once: the creation rate is raised to fit them; the
        // per-session quotas stay the defaults, which one upload-and-analyse session is far below.
        Limits d = Limits.defaults();
        Limits limits = new Limits(
                (2 * SESSIONS + 1 + STEADY_WARM_UP_SESSIONS + STEP_COST_SESSIONS) * 60,
                2 * SESSIONS + 1 + STEADY_WARM_UP_SESSIONS + STEP_COST_SESSIONS,
                d.filesPerSession(),
                d.uploadBytesPerSession(),
                d.analysesPerSession(),
                d.exportsPerSession(),
                d.jobsPerSession());
        try (LocalRuntime runtime = LocalRuntime.start(
                LocalSettings.defaults().withPort(0).withDataDir(data).withLimits(limits))) {
            LoadDriver driver = new LoadDriver(runtime.url(), LocalClient.sampleBytes(), LocalClient.SAMPLE);
            driver.run(1, TIMEOUT_S); // class loading and the first request's set-up are start-up, not load
            measured(driver, "load");
            if (STEADY_WARM_UP_SESSIONS > 0) {
                for (int left = STEADY_WARM_UP_SESSIONS; left > 0; left -= SESSIONS) {
                    LoadDriver.Result warmUp = driver.run(Math.min(SESSIONS, left), TIMEOUT_S);
                    assertTrue(warmUp.errors().isEmpty(), "warm-up: " + String.join("\n", warmUp.errors()));
                }
                measured(driver, "load after " + STEADY_WARM_UP_SESSIONS + " more sessions");
            }
            if (STEP_COST_SESSIONS > 0) System.out.print(driver.stepCosts(STEP_COST_SESSIONS, TIMEOUT_S));
        }
    }

    private static void measured(LoadDriver driver, String label) throws InterruptedException {
        LoadDriver.Result r = driver.run(SESSIONS, TIMEOUT_S);
        System.out.print(r.report(label));
        assertTrue(r.errors().isEmpty(), r.errors().size() + " error(s):\n" + String.join("\n", r.errors()));
        assertEquals(SESSIONS * 7, r.requests(), "every session made its 7 requests");
    }
}
