package org.signalanalyzer.functions.cleanup;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.BlobStore;
import org.signalanalyzer.functions.store.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes sessions past their expiry (or whose deletion was started): objects first, then the items, the session
 * item last. Every step is idempotent and the session item stays until the end, so a run that dies midway is
 * finished by the next one; a live session is never touched.
 */
@Singleton
public class SessionCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCleanup.class);

    private final SessionStore store;
    private final BlobStore blobs;

    public SessionCleanup(SessionStore store, BlobStore blobs) {
        this.store = store;
        this.blobs = blobs;
    }

    @Serdeable
    public record Report(List<String> purgedSessions, int deletedObjects, List<String> failedSessions) {}

    public Report run(Instant now) {
        List<String> purged = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int objects = 0;
        for (String sessionId : store.sessionsToPurge(now)) {
            if (!BlobKeys.isId(sessionId) || store.findSession(sessionId, now).isPresent()) continue;
            try {
                objects += blobs.deletePrefix(BlobKeys.sessionPrefix(sessionId));
                if (store.purgeSession(sessionId, now)) purged.add(sessionId);
            } catch (RuntimeException e) {
                // One session's storage fault must not stop the others; the next run retries it.
                LOG.warn("cleanup of session {} failed, the next run retries: {}", sessionId, e.getMessage());
                failed.add(sessionId);
            }
        }
        LOG.info("cleanup: {} session(s) removed with {} object(s), {} failed", purged.size(), objects, failed.size());
        return new Report(purged, objects, failed);
    }
}
