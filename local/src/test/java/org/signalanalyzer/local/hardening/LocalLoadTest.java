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
    /**
     * Sessions run one at a time before the measured run, so that it measures a server that has served some work
     * (its hot code compiled), not the JIT compiling it: bench/run.py asks for 40, CI's correctness run for 1.
     */
    private static final int WARM_UP_SESSIONS = Integer.getInteger("load.warm-up-sessions", 1);

    private static final long TIMEOUT_S = Long.getLong("load.timeout-s", 600);
    /** Sessions run one at a time afterwards to print each step's CPU cost (bench/run.py asks for 20); 0: none. */
    private static final int STEP_COST_SESSIONS = Integer.getInteger("load.step-cost-sessions", 0);

    @TempDir
    Path data;

    @Test
    void concurrentSessionsUploadAndAnalyseWithoutAnError() throws Exception {
        // Every load session comes from this one address at once: the creation rate is raised to fit them; the
        // per-session quotas stay the defaults, which one upload-and-analyse session is far below.
        Limits d = Limits.defaults();
        Limits limits = new Limits(
                (SESSIONS + STEP_COST_SESSIONS + WARM_UP_SESSIONS) * 60,
                SESSIONS + STEP_COST_SESSIONS + WARM_UP_SESSIONS,
                d.filesPerSession(),
                d.uploadBytesPerSession(),
                d.analysesPerSession(),
                d.exportsPerSession(),
                d.jobsPerSession());
        try (LocalRuntime runtime = LocalRuntime.start(
                LocalSettings.defaults().withPort(0).withDataDir(data).withLimits(limits))) {
            LoadDriver driver = new LoadDriver(runtime.url(), LocalClient.sampleBytes(), LocalClient.SAMPLE);
            for (int i = 0; i < WARM_UP_SESSIONS; i++) driver.run(1, TIMEOUT_S);
            LoadDriver.Result r = driver.run(SESSIONS, TIMEOUT_S);
            System.out.print(r.report());
            assertTrue(r.errors().isEmpty(), r.errors().size() + " error(s):\n" + String.join("\n", r.errors()));
            assertEquals(SESSIONS * 7, r.requests(), "every session made its 7 requests");
            if (STEP_COST_SESSIONS > 0) System.out.print(driver.stepCosts(STEP_COST_SESSIONS, TIMEOUT_S));
        }
    }
}
