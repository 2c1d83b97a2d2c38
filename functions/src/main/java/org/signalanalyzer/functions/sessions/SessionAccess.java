package org.signalanalyzer.functions.sessions;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.store.SessionStore;
import org.signalanalyzer.functions.web.ApiException;

/** Opens the caller's session: the id must name a live session and the bearer token must be its secret. */
@Singleton
public class SessionAccess {

    /** Uses are recorded at most this often, so a busy page does not write the item on every call. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final SessionStore store;
    private final Clock clock;

    public SessionAccess(SessionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Session open(String sessionId, String authorization) {
        Instant now = clock.instant();
        if (!BlobKeys.isId(sessionId)) throw unknown();
        Session session = store.findSession(sessionId, now).orElseThrow(SessionAccess::unknown);
        String prefix = "Bearer ";
        if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw ApiException.forbidden("This call needs the header 'Authorization: Bearer <token>' with the token "
                    + "POST /api/sessions answered.");
        }
        if (!Tokens.matches(authorization.substring(prefix.length()).trim(), session.tokenHash())) {
            throw ApiException.forbidden("The token does not belong to this session.");
        }
        if (session.lastUsedAt().plus(TOUCH_INTERVAL).isBefore(now)) store.touchSession(sessionId, now);
        return session;
    }

    private static ApiException unknown() {
        return ApiException.notFound("No such session (or it expired): start a new one with POST /api/sessions.");
    }
}
