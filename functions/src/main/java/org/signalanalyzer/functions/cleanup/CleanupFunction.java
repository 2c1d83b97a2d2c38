package org.signalanalyzer.functions.cleanup;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;

/** The hourly cleanup (an EventBridge schedule in template.yaml). */
public class CleanupFunction extends MicronautRequestHandler<ScheduledEvent, Void> {

    @Inject
    SessionCleanup cleanup;

    @Inject
    Clock clock;

    @Override
    public Void execute(ScheduledEvent event) {
        SessionCleanup.Report report = cleanup.run(clock.instant());
        if (!report.failedSessions().isEmpty()) {
            // Failing the invocation makes the fault visible in the function's error metric.
            throw new IllegalStateException(
                    "cleanup could not remove " + report.failedSessions().size()
                            + " session(s); they stay marked for the next run: " + report.failedSessions());
        }
        return null;
    }
}
