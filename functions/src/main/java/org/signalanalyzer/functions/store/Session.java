package org.signalanalyzer.functions.store;

import java.time.Instant;

/**
 * One browser session: the secret token is never stored, only its SHA-256 ({@code tokenHash}, lowercase hex).
 * A session lives for a fixed time from its creation ({@code expiresAt}); {@code deleting} marks a session whose
 * removal has started, which every read treats as gone.
 */
public record Session(
        String sessionId,
        String tokenHash,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        boolean deleting) {

    public boolean liveAt(Instant now) {
        return !deleting && expiresAt.isAfter(now);
    }
}
