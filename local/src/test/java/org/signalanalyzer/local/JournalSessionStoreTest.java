package org.signalanalyzer.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalanalyzer.functions.store.Entry;
import org.signalanalyzer.functions.store.Session;

/** What the journal adds to the contract: durability across a reopen, a torn tail, damage, one owner. */
class JournalSessionStoreTest {

    @TempDir
    Path dir;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private Session session(String id) {
        return new Session(id, "hash-" + id, now, now, now.plusSeconds(3600), false);
    }

    @Test
    void everythingWrittenIsThereAfterAReopen() {
        try (JournalSessionStore store = JournalSessionStore.open(dir)) {
            store.createSession(session("s1"));
            store.createSession(session("s2"));
            Entry e = store.putEntry("s1", new Entry("file", "f1", 0, "{\"n\":1}", now.plusSeconds(3600)));
            store.replaceEntry("s1", e.withDocument("{\"n\":2}"));
            store.putEntry("s1", new Entry("file", "f2", 0, "{}", now.plusSeconds(3600)));
            store.deleteEntry("s1", "file", "f2");
            store.touchSession("s1", now.plusSeconds(5));
            store.markSessionDeleting("s2");
        }
        try (JournalSessionStore store = JournalSessionStore.open(dir)) {
            Session s1 = store.findSession("s1", now).orElseThrow();
            assertEquals("hash-s1", s1.tokenHash());
            assertEquals(now.plusSeconds(5), s1.lastUsedAt());
            assertEquals(now.plusSeconds(3600), s1.expiresAt());
            Entry f1 = store.findEntry("s1", "file", "f1").orElseThrow();
            assertEquals(2, f1.version());
            assertEquals("{\"n\":2}", f1.document());
            assertEquals(
                    List.of("f1"),
                    store.listEntries("s1", "file").stream().map(Entry::id).toList());
            assertTrue(store.findSession("s2", now).isEmpty(), "s2 was marked deleting");
            assertEquals(List.of("s2"), store.sessionsToPurge(now));
        }
    }

    @Test
    void aLineTornByACrashIsDroppedAndEverythingBeforeItKept() throws Exception {
        try (JournalSessionStore store = JournalSessionStore.open(dir)) {
            store.createSession(session("s1"));
        }
        Files.writeString(
                dir.resolve(JournalSessionStore.JOURNAL),
                "{\"op\":\"session\",\"sid\":\"s2\",\"tok",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        try (JournalSessionStore store = JournalSessionStore.open(dir)) {
            assertTrue(store.findSession("s1", now).isPresent());
            assertTrue(store.findSession("s2", now).isEmpty());
            store.createSession(session("s3"));
        }
        try (JournalSessionStore store = JournalSessionStore.open(dir)) {
            assertTrue(store.findSession("s3", now).isPresent(), "a write after the torn line is kept");
        }
    }

    @Test
    void damageInsideTheJournalStopsTheStartWithTheLineNumber() throws Exception {
        try (JournalSessionStore store = JournalSessionStore.open(dir)) {
            store.createSession(session("s1"));
            store.createSession(session("s2"));
        }
        Path journal = dir.resolve(JournalSessionStore.JOURNAL);
        List<String> lines = Files.readAllLines(journal);
        Files.write(journal, List.of(lines.get(0), "not json", lines.get(1)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> JournalSessionStore.open(dir));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertEquals(
                3, Files.readAllLines(journal).size(), "a damaged journal is left as it was for a person to look at");
    }

    @Test
    void oneProcessOwnsTheFolderAtATime() {
        try (JournalSessionStore first = JournalSessionStore.open(dir)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> JournalSessionStore.open(dir));
            assertTrue(e.getMessage().contains("Another Signal Analyzer"), e.getMessage());
        }
        JournalSessionStore.open(dir).close();
    }

    @Test
    void openingCompactsTheJournalToOneLinePerItem() throws Exception {
        try (JournalSessionStore store = JournalSessionStore.open(dir)) {
            store.createSession(session("s1"));
            Entry e = store.putEntry("s1", new Entry("file", "f1", 0, "{}", now.plusSeconds(3600)));
            for (int i = 0; i < 20; i++) e = store.replaceEntry("s1", e.withDocument("{\"i\":" + i + "}"));
            store.createSession(session("gone"));
            store.markSessionDeleting("gone");
            store.purgeSession("gone", now);
        }
        assertEquals(
                1 + 1 + 20 + 1 + 1 + 1,
                Files.readAllLines(dir.resolve(JournalSessionStore.JOURNAL)).size());
        try (JournalSessionStore store = JournalSessionStore.open(dir)) {
            assertEquals(
                    "{\"i\":19}",
                    store.findEntry("s1", "file", "f1").orElseThrow().document());
        }
        assertEquals(
                2, Files.readAllLines(dir.resolve(JournalSessionStore.JOURNAL)).size());
        assertFalse(Files.exists(dir.resolve(JournalSessionStore.JOURNAL + ".tmp")));
    }
}
