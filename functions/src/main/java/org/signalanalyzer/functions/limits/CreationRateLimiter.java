package org.signalanalyzer.functions.limits;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.signalanalyzer.functions.sessions.Tokens;
import org.signalanalyzer.functions.store.SessionStore;

/**
 * Session creations per client address, counted in the session store (so every Lambda instance sees the same
 * count): {@link Limits#sessionsPerMinute()} sustained after a burst of {@link Limits#sessionBurst()}. The address
 * is kept only as a hash, and only until the count no longer matters.
 */
@Singleton
public class CreationRateLimiter {

    private final SessionStore store;
    private final Limits limits;
    private final Clock clock;

    public CreationRateLimiter(SessionStore store, Limits limits, Clock clock) {
        this.store = store;
        this.limits = limits;
        this.clock = clock;
    }

    /** Takes a creation slot for the request's client, or refuses with 429 and how long to wait. */
    public void admit(HttpRequest<?> request) {
        String client = Tokens.sha256Hex(ClientAddress.of(request)).substring(0, 32);
        Optional<Duration> wait =
                store.takeCreationSlot(client, limits.sessionsPerMinute(), limits.sessionBurst(), clock.instant());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw LimitRefusal.rateLimited(
                    "Too many new sessions from this address (the limit is "
                            + limits.sessionsPerMinute() + " a minute, " + limits.sessionBurst()
                            + " at once): nothing was "
                            + "created. Try again in " + seconds + " s, or keep using the session you have.",
                    seconds);
        }
    }
}
