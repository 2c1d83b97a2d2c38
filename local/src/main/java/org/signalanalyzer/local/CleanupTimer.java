package org.signalanalyzer.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.signalanalyzer.functions.cleanup.SessionCleanup;

/** The functions' hourly cleanup, on a timer in this process instead of an EventBridge schedule. */
@Singleton
@Requires(property = LocalStorageFactory.EMBEDDED_PROPERTY, value = "embedded")
public class CleanupTimer {

    private final SessionCleanup cleanup;
    private final Clock clock;

    public CleanupTimer(SessionCleanup cleanup, Clock clock) {
        this.cleanup = cleanup;
        this.clock = clock;
    }

    /** First soon after start: a laptop that was off for days has sessions to remove right away. */
    @Scheduled(
            initialDelay = "${signal.local.cleanup-initial-delay:10s}",
            fixedDelay = "${signal.local.cleanup-interval}")
    void run() {
        cleanup.run(clock.instant());
    }
}
