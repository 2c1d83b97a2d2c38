package org.signalanalyzer.functions.store;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionStore} must do, whatever it runs on. Extend it and answer {@link #store()}; the store
 * may be shared between tests (every test uses fresh session ids) but must start without live sessions of these
 * ids. The local runtime's embedded store runs this same suite.
 */
public abstract class SessionStoreContract {

    protected abstract SessionStore store();

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    protected static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private Session session(String id, Instant expiresAt) {
        return new Session(id, "hash-" + id, now.minusSeconds(60), now.minusSeconds(60), expiresAt, false);
    }

    private Entry entry(String kind, String id, String doc, Instant expiresAt) {
        return new Entry(kind, id, 0, doc, expiresAt);
    }

    @Test
    void aCreatedSessionIsFoundWithWhatWasStored() {
        String id = newId();
        Session s = session(id, now.plus(Duration.ofHours(1)));
        store().createSession(s);
        Session found = store().findSession(id, now).orElseThrow();
        assertEquals(s.tokenHash(), found.tokenHash());
        assertEquals(s.createdAt().toEpochMilli(), found.createdAt().toEpochMilli());
        assertEquals(s.expiresAt().getEpochSecond(), found.expiresAt().getEpochSecond());
        assertFalse(found.deleting());
    }

    @Test
    void creatingAnExistingSessionIsAConflict() {
        String id = newId();
        store().createSession(session(id, now.plusSeconds(3600)));
        assertThrows(StoreConflictException.class, () -> store().createSession(session(id, now.plusSeconds(7200))));
    }

    @Test
    void anExpiredSessionReadsAsGoneEvenBeforeAnyTtlDeletion() {
        String id = newId();
        store().createSession(session(id, now.minusSeconds(1)));
        assertTrue(store().findSession(id, now).isEmpty());
        assertTrue(store().findSession(newId(), now).isEmpty(), "an unknown id is gone too");
    }

    @Test
    void touchingRecordsTheUseButNeverRevivesAnExpiredSession() {
        String live = newId();
        store().createSession(session(live, now.plusSeconds(3600)));
        store().touchSession(live, now);
        assertEquals(now.toEpochMilli(), store().findSession(live, now).orElseThrow().lastUsedAt().toEpochMilli());

        String expired = newId();
        store().createSession(session(expired, now.minusSeconds(5)));
        store().touchSession(expired, now);
        assertTrue(store().findSession(expired, now).isEmpty());
        store().touchSession(newId(), now);
    }

    @Test
    void aSessionMarkedDeletingReadsAsGone() {
        String id = newId();
        store().createSession(session(id, now.plusSeconds(3600)));
        assertTrue(store().markSessionDeleting(id));
        assertTrue(store().findSession(id, now).isEmpty());
        assertFalse(store().markSessionDeleting(newId()), "no item, nothing to mark");
    }

    @Test
    void entriesAreVersionedAndReplacedOnlyFromTheVersionRead() {
        String sid = newId();
        store().createSession(session(sid, now.plusSeconds(3600)));
        Entry first = store().putEntry(sid, entry("file", "f1", "{\"a\":1}", now.plusSeconds(3600)));
        assertEquals(1, first.version());
        assertThrows(StoreConflictException.class,
                () -> store().putEntry(sid, entry("file", "f1", "{}", now.plusSeconds(3600))));

        Entry second = store().replaceEntry(sid, first.withDocument("{\"a\":2}"));
        assertEquals(2, second.version());
        assertEquals("{\"a\":2}", store().findEntry(sid, "file", "f1").orElseThrow().document());
        assertThrows(StoreConflictException.class, () -> store().replaceEntry(sid, first.withDocument("{\"lost\":1}")),
                "a write based on version 1 loses against version 2");
        assertEquals("{\"a\":2}", store().findEntry(sid, "file", "f1").orElseThrow().document());
        assertThrows(StoreConflictException.class,
                () -> store().replaceEntry(sid, entry("file", "missing", "{}", now.plusSeconds(60))));
    }

    @Test
    void entriesAreListedByKindWithinTheirSessionOnly() {
        String sid = newId();
        String other = newId();
        store().createSession(session(sid, now.plusSeconds(3600)));
        store().createSession(session(other, now.plusSeconds(3600)));
        store().putEntry(sid, entry("file", "b", "{}", now.plusSeconds(3600)));
        store().putEntry(sid, entry("file", "a", "{}", now.plusSeconds(3600)));
        store().putEntry(sid, entry("analysis", "x", "{}", now.plusSeconds(3600)));
        store().putEntry(other, entry("file", "c", "{}", now.plusSeconds(3600)));
        assertEquals(List.of("a", "b"), store().listEntries(sid, "file").stream().map(Entry::id).toList());
        assertEquals(List.of("x"), store().listEntries(sid, "analysis").stream().map(Entry::id).toList());
        assertTrue(store().findEntry(other, "file", "a").isEmpty(), "ids are looked up inside their session");
        store().deleteEntry(sid, "file", "a");
        store().deleteEntry(sid, "file", "never-there");
        assertEquals(List.of("b"), store().listEntries(sid, "file").stream().map(Entry::id).toList());
    }

    @Test
    void purgeFindsExpiredAndDeletingSessionsAndLeavesLiveOnesAlone() {
        String live = newId();
        String expired = newId();
        String deleting = newId();
        String orphan = newId();
        store().createSession(session(live, now.plusSeconds(3600)));
        store().putEntry(live, entry("file", "f", "{}", now.plusSeconds(3600)));
        store().createSession(session(expired, now.minusSeconds(10)));
        store().putEntry(expired, entry("file", "f", "{}", now.minusSeconds(10)));
        store().createSession(session(deleting, now.plusSeconds(3600)));
        store().markSessionDeleting(deleting);
        // Entries whose session item a TTL deletion already removed.
        store().putEntry(orphan, entry("file", "f", "{}", now.minusSeconds(10)));

        List<String> due = store().sessionsToPurge(now);
        assertTrue(due.containsAll(List.of(expired, deleting, orphan)), "due: " + due);
        assertFalse(due.contains(live));

        assertFalse(store().purgeSession(live, now), "a live session is refused");
        assertTrue(store().findEntry(live, "file", "f").isPresent());
        for (String id : List.of(expired, deleting, orphan)) {
            assertTrue(store().purgeSession(id, now));
            assertTrue(store().findEntry(id, "file", "f").isEmpty());
            assertTrue(store().purgeSession(id, now), "purging again is a no-op");
        }
        List<String> after = store().sessionsToPurge(now);
        assertFalse(after.contains(expired) || after.contains(deleting) || after.contains(orphan), "after: " + after);
        assertTrue(store().findSession(live, now).isPresent());
    }
}
