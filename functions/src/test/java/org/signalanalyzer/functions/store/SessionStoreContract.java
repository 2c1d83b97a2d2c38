package org.signalanalyzer.functions.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
        assertEquals(
                now.toEpochMilli(),
                store().findSession(live, now).orElseThrow().lastUsedAt().toEpochMilli());

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
        assertThrows(
                StoreConflictException.class,
                () -> store().putEntry(sid, entry("file", "f1", "{}", now.plusSeconds(3600))));

        Entry second = store().replaceEntry(sid, first.withDocument("{\"a\":2}"));
        assertEquals(2, second.version());
        assertEquals(
                "{\"a\":2}", store().findEntry(sid, "file", "f1").orElseThrow().document());
        assertThrows(
                StoreConflictException.class,
                () -> store().replaceEntry(sid, first.withDocument("{\"lost\":1}")),
                "a write based on version 1 loses against version 2");
        assertEquals(
                "{\"a\":2}", store().findEntry(sid, "file", "f1").orElseThrow().document());
        assertThrows(
                StoreConflictException.class,
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
        assertEquals(
                List.of("a", "b"),
                store().listEntries(sid, "file").stream().map(Entry::id).toList());
        assertEquals(
                List.of("x"),
                store().listEntries(sid, "analysis").stream().map(Entry::id).toList());
        assertTrue(store().findEntry(other, "file", "a").isEmpty(), "ids are looked up inside their session");
        assertTrue(store().deleteEntry(sid, "file", "a"));
        assertFalse(store().deleteEntry(sid, "file", "never-there"));
        assertEquals(
                List.of("b"),
                store().listEntries(sid, "file").stream().map(Entry::id).toList());
    }

    @Test
    void ofConcurrentDeletesOfOneEntryExactlyOneRemovesIt() throws Exception {
        String sid = newId();
        store().createSession(session(sid, now.plusSeconds(3600)));
        store().putEntry(sid, entry("file", "f", "{}", now.plusSeconds(3600)));
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> deletes = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                deletes.add(pool.submit(() -> {
                    start.await();
                    return store().deleteEntry(sid, "file", "f");
                }));
            }
            start.countDown();
            int removed = 0;
            for (Future<Boolean> d : deletes) removed += d.get(30, TimeUnit.SECONDS) ? 1 : 0;
            assertEquals(1, removed, "only the delete that removed the entry may give its quota back");
            assertTrue(store().findEntry(sid, "file", "f").isEmpty());
        } finally {
            pool.shutdownNow();
        }
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

    @Test
    void aReservationTakesEveryChargeOrNone() {
        String id = newId();
        store().createSession(session(id, now.plusSeconds(3600)));
        assertEquals(Map.of(), store().usage(id));
        assertTrue(store().reserveUsage(
                        id, List.of(new UsageCharge("files", 1, 2), new UsageCharge("bytes", 100, 150)), now)
                .isEmpty());
        assertEquals(Map.of("files", 1L, "bytes", 100L), store().usage(id));

        Optional<QuotaRefusal> refused = store().reserveUsage(
                        id, List.of(new UsageCharge("files", 1, 2), new UsageCharge("bytes", 60, 150)), now);
        assertEquals("bytes", refused.orElseThrow().charge().counter());
        assertEquals(100, refused.get().used());
        assertEquals(Map.of("files", 1L, "bytes", 100L), store().usage(id), "a refusal changes no counter");

        assertTrue(
                store().reserveUsage(
                                id, List.of(new UsageCharge("files", 1, 2), new UsageCharge("bytes", 50, 150)), now)
                        .isEmpty(),
                "exactly up to the limit fits");
        QuotaRefusal full = store().reserveUsage(id, List.of(new UsageCharge("files", 1, 2)), now)
                .orElseThrow();
        assertEquals("files", full.charge().counter());
        assertEquals(2, full.used());
        assertEquals(
                "bytes",
                store().reserveUsage(id, List.of(new UsageCharge("bytes", 151, 150)), now)
                        .orElseThrow()
                        .charge()
                        .counter(),
                "a charge larger than its limit never fits");
        assertEquals(Map.of("files", 2L, "bytes", 150L), store().usage(id));
    }

    @Test
    void releasedUsageMakesRoomAndNeverGoesBelowZero() {
        String id = newId();
        store().createSession(session(id, now.plusSeconds(3600)));
        assertTrue(store().reserveUsage(id, List.of(new UsageCharge("files", 2, 2)), now)
                .isEmpty());
        store().releaseUsage(id, List.of(new UsageCharge("files", 1, 2)));
        assertEquals(1L, store().usage(id).get("files"));
        store().releaseUsage(id, List.of(new UsageCharge("files", 5, 2)));
        assertEquals(1L, store().usage(id).get("files"), "more than was taken is not given back");
        assertTrue(store().reserveUsage(id, List.of(new UsageCharge("files", 1, 2)), now)
                .isEmpty());
        store().releaseUsage(newId(), List.of(new UsageCharge("files", 1, 2)));
    }

    @Test
    void onlyALiveSessionCanReserve() {
        String expired = newId();
        store().createSession(session(expired, now.minusSeconds(1)));
        assertThrows(
                StoreConflictException.class,
                () -> store().reserveUsage(expired, List.of(new UsageCharge("files", 1, 10)), now));
        assertThrows(
                StoreConflictException.class,
                () -> store().reserveUsage(newId(), List.of(new UsageCharge("files", 1, 10)), now));
        String deleting = newId();
        store().createSession(session(deleting, now.plusSeconds(3600)));
        store().markSessionDeleting(deleting);
        assertThrows(
                StoreConflictException.class,
                () -> store().reserveUsage(deleting, List.of(new UsageCharge("files", 1, 10)), now));
        assertEquals(Map.of(), store().usage(expired));
    }

    @Test
    void concurrentReservationsNeverPassTheLimit() throws Exception {
        String id = newId();
        store().createSession(session(id, now.plusSeconds(3600)));
        AtomicInteger granted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 8; i++) {
                        if (store().reserveUsage(id, List.of(new UsageCharge("analyses", 1, 20)), now)
                                .isEmpty()) {
                            granted.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(20, granted.get());
        assertEquals(20L, store().usage(id).get("analyses"));
    }

    @Test
    void sessionCreationIsAdmittedAtTheSustainedRateAfterABurst() {
        String client = newId();
        Instant t0 = Instant.now();
        for (int i = 0; i < 3; i++) {
            assertTrue(store().takeCreationSlot(client, 30, 3, t0).isEmpty(), "burst slot " + (i + 1));
        }
        Duration wait = store().takeCreationSlot(client, 30, 3, t0).orElseThrow();
        assertEquals(2000, wait.toMillis(), "30 a minute: one slot frees every 2 s");
        assertEquals(
                500,
                store().takeCreationSlot(client, 30, 3, t0.plusMillis(1500))
                        .orElseThrow()
                        .toMillis());
        assertTrue(store().takeCreationSlot(client, 30, 3, t0.plusMillis(2000)).isEmpty());
        assertTrue(store().takeCreationSlot(client, 30, 3, t0.plusMillis(2000)).isPresent());
        assertTrue(store().takeCreationSlot(newId(), 30, 3, t0).isEmpty(), "another client has its own slots");
        for (int i = 0; i < 3; i++) {
            assertTrue(
                    store().takeCreationSlot(client, 30, 3, t0.plusSeconds(600)).isEmpty(),
                    "after an idle time the whole burst is back");
        }
    }
}
