package org.signalanalyzer.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.signalanalyzer.functions.store.CreationSlots;
import org.signalanalyzer.functions.store.Entry;
import org.signalanalyzer.functions.store.QuotaRefusal;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.store.SessionStore;
import org.signalanalyzer.functions.store.StorageUnavailableException;
import org.signalanalyzer.functions.store.StoreConflictException;
import org.signalanalyzer.functions.store.UsageCharge;

/**
 * The session store of the local runtime: every item in memory, every change appended to a JSON-lines journal and
 * forced to disk before it is applied, so an answered call survives a crash or a power cut. On open the journal is
 * replayed (a torn last line, from a crash mid-write, is dropped) and rewritten compactly through a temporary file
 * and an atomic rename; it is compacted the same way whenever it grows well past what it describes. One process
 * owns a data folder at a time (a file lock).
 */
public final class JournalSessionStore implements SessionStore, AutoCloseable {

    static final String JOURNAL = "sessions.jsonl";
    private static final String LOCK = "sessions.lock";
    /** Compact when the journal holds this many lines more than the live items need (and at least this many). */
    private static final int COMPACT_SLACK = 10_000;

    private final ObjectMapper json = new ObjectMapper();
    private final Path dir;
    private final Path journal;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<String, Session> sessions = new HashMap<>();
    /** session id → kind → id → entry; sessions may own entries without a session item (see sessionsToPurge). */
    private final Map<String, Map<String, TreeMap<String, Entry>>> entries = new HashMap<>();
    /** session id → usage counter → value; journaled with the session, removed by its purge. */
    private final Map<String, Map<String, Long>> usage = new HashMap<>();
    /**
     * Client key → theoretical arrival time (epoch ms) of its next session creation. Kept in memory only: after a
     * restart every client starts with a full burst, which is all a restart could cost.
     */
    private final Map<String, Long> creationTat = new HashMap<>();

    private static final int RATE_CLIENTS_BEFORE_PRUNE = 10_000;
    private FileChannel out;
    private long linesInJournal;

    private JournalSessionStore(Path dir) throws IOException {
        this.dir = dir;
        this.journal = dir.resolve(JOURNAL);
        Files.createDirectories(dir);
        lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            acquired = null;
        }
        if (acquired == null) {
            lockChannel.close();
            throw new IllegalStateException("Another Signal Analyzer is using the data folder " + dir.getParent()
                    + ": stop it first, or start this one with another --data folder.");
        }
        lock = acquired;
        try {
            replay();
            compact();
        } catch (IOException | RuntimeException e) {
            releaseLock();
            throw e;
        }
    }

    /** Opens (or creates) the store in {@code dir}. */
    public static JournalSessionStore open(Path dir) {
        try {
            return new JournalSessionStore(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the session journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void createSession(Session s) {
        if (sessions.containsKey(s.sessionId())) {
            throw new StoreConflictException("session " + s.sessionId() + " exists already");
        }
        writeSession(s);
    }

    @Override
    public synchronized Optional<Session> findSession(String sessionId, Instant now) {
        Session s = sessions.get(sessionId);
        return s != null && s.liveAt(now) ? Optional.of(s) : Optional.empty();
    }

    @Override
    public synchronized void touchSession(String sessionId, Instant now) {
        Session s = sessions.get(sessionId);
        if (s == null || !s.liveAt(now)) return;
        writeSession(new Session(s.sessionId(), s.tokenHash(), s.createdAt(), now, s.expiresAt(), false));
    }

    @Override
    public synchronized boolean markSessionDeleting(String sessionId) {
        Session s = sessions.get(sessionId);
        if (s == null) return false;
        writeSession(new Session(s.sessionId(), s.tokenHash(), s.createdAt(), s.lastUsedAt(), s.expiresAt(), true));
        return true;
    }

    @Override
    public synchronized Entry putEntry(String sessionId, Entry entry) {
        if (stored(sessionId, entry.kind(), entry.id()) != null) {
            throw new StoreConflictException(entry.kind() + " " + entry.id() + " exists already");
        }
        Entry created = new Entry(entry.kind(), entry.id(), 1, entry.document(), entry.expiresAt());
        writeEntry(sessionId, created);
        return created;
    }

    @Override
    public synchronized Entry replaceEntry(String sessionId, Entry entry) {
        Entry current = stored(sessionId, entry.kind(), entry.id());
        if (current == null || current.version() != entry.version()) {
            throw new StoreConflictException(entry.kind() + " " + entry.id() + " changed meanwhile");
        }
        Entry replaced = new Entry(entry.kind(), entry.id(), entry.version() + 1, entry.document(), entry.expiresAt());
        writeEntry(sessionId, replaced);
        return replaced;
    }

    @Override
    public synchronized Optional<Entry> findEntry(String sessionId, String kind, String id) {
        return Optional.ofNullable(stored(sessionId, kind, id));
    }

    @Override
    public synchronized List<Entry> listEntries(String sessionId, String kind) {
        TreeMap<String, Entry> ofKind =
                entries.getOrDefault(sessionId, Map.of()).get(kind);
        return ofKind == null ? List.of() : List.copyOf(ofKind.values());
    }

    @Override
    public synchronized boolean deleteEntry(String sessionId, String kind, String id) {
        if (stored(sessionId, kind, id) == null) return false;
        ObjectNode line = json.createObjectNode()
                .put("op", "dropEntry")
                .put("sid", sessionId)
                .put("kind", kind)
                .put("id", id);
        append(line);
        apply(line);
        return true;
    }

    @Override
    public synchronized List<String> sessionsToPurge(Instant now) {
        LinkedHashSet<String> due = new LinkedHashSet<>();
        sessions.values().forEach(s -> {
            if (!s.liveAt(now)) due.add(s.sessionId());
        });
        entries.forEach((sid, byKind) -> {
            // Like the DynamoDB scan: any item past its expiry marks its session, even with the session item gone.
            boolean expired = byKind.values().stream()
                    .flatMap(m -> m.values().stream())
                    .anyMatch(e -> !e.expiresAt().isAfter(now));
            if (expired && !isLive(sid, now)) due.add(sid);
        });
        return List.copyOf(due);
    }

    @Override
    public synchronized boolean purgeSession(String sessionId, Instant now) {
        if (isLive(sessionId, now)) return false;
        if (!sessions.containsKey(sessionId) && !entries.containsKey(sessionId)) return true;
        ObjectNode line = json.createObjectNode().put("op", "purge").put("sid", sessionId);
        append(line);
        apply(line);
        return true;
    }

    @Override
    public synchronized Optional<QuotaRefusal> reserveUsage(String sessionId, List<UsageCharge> charges, Instant now) {
        if (!isLive(sessionId, now)) throw new StoreConflictException("session " + sessionId + " is gone");
        Map<String, Long> used = usage.getOrDefault(sessionId, Map.of());
        for (UsageCharge c : charges) {
            long u = used.getOrDefault(c.counter(), 0L);
            if (c.amount() > c.limit() || u > c.limit() - c.amount()) return Optional.of(new QuotaRefusal(c, u));
        }
        if (charges.isEmpty()) return Optional.empty();
        Map<String, Long> after = new TreeMap<>(used);
        for (UsageCharge c : charges) after.merge(c.counter(), c.amount(), Long::sum);
        writeUsage(sessionId, after);
        return Optional.empty();
    }

    @Override
    public synchronized void releaseUsage(String sessionId, List<UsageCharge> charges) {
        Map<String, Long> used = usage.get(sessionId);
        if (used == null || !sessions.containsKey(sessionId)) return;
        Map<String, Long> after = new TreeMap<>(used);
        for (UsageCharge c : charges) {
            long u = after.getOrDefault(c.counter(), 0L);
            if (u >= c.amount()) after.put(c.counter(), u - c.amount());
        }
        if (!after.equals(used)) writeUsage(sessionId, after);
    }

    @Override
    public synchronized Map<String, Long> usage(String sessionId) {
        return Map.copyOf(usage.getOrDefault(sessionId, Map.of()));
    }

    @Override
    public synchronized Optional<Duration> takeCreationSlot(String clientKey, int perMinute, int burst, Instant now) {
        long nowMs = now.toEpochMilli();
        if (creationTat.size() > RATE_CLIENTS_BEFORE_PRUNE) creationTat.values().removeIf(tat -> tat < nowMs);
        Long tat = creationTat.get(clientKey);
        if (!CreationSlots.admits(tat, nowMs, perMinute, burst)) {
            return Optional.of(CreationSlots.wait(tat, nowMs, perMinute, burst));
        }
        creationTat.put(clientKey, CreationSlots.next(tat, nowMs, perMinute));
        return Optional.empty();
    }

    /** Closes the journal; every answered write is already on disk. */
    @Override
    public synchronized void close() {
        try {
            if (out != null) out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the session journal " + journal, e);
        } finally {
            out = null;
            releaseLock();
        }
    }

    private boolean isLive(String sessionId, Instant now) {
        Session s = sessions.get(sessionId);
        return s != null && s.liveAt(now);
    }

    private Entry stored(String sessionId, String kind, String id) {
        TreeMap<String, Entry> ofKind =
                entries.getOrDefault(sessionId, Map.of()).get(kind);
        return ofKind == null ? null : ofKind.get(id);
    }

    private void writeSession(Session s) {
        ObjectNode line = sessionLine(s);
        append(line);
        apply(line);
    }

    private void writeEntry(String sessionId, Entry e) {
        ObjectNode line = entryLine(sessionId, e);
        append(line);
        apply(line);
    }

    private void writeUsage(String sessionId, Map<String, Long> counters) {
        ObjectNode line = usageLine(sessionId, counters);
        append(line);
        apply(line);
    }

    private ObjectNode usageLine(String sessionId, Map<String, Long> counters) {
        ObjectNode line = json.createObjectNode().put("op", "usage").put("sid", sessionId);
        ObjectNode values = line.putObject("counters");
        counters.forEach(values::put);
        return line;
    }

    private ObjectNode sessionLine(Session s) {
        return json.createObjectNode()
                .put("op", "session")
                .put("sid", s.sessionId())
                .put("tokenHash", s.tokenHash())
                .put("createdAt", s.createdAt().toEpochMilli())
                .put("lastUsedAt", s.lastUsedAt().toEpochMilli())
                .put("expiresAt", s.expiresAt().toEpochMilli())
                .put("deleting", s.deleting());
    }

    private ObjectNode entryLine(String sessionId, Entry e) {
        return json.createObjectNode()
                .put("op", "entry")
                .put("sid", sessionId)
                .put("kind", e.kind())
                .put("id", e.id())
                .put("version", e.version())
                .put("doc", e.document())
                .put("expiresAt", e.expiresAt().toEpochMilli());
    }

    private void apply(JsonNode line) {
        String sid = text(line, "sid");
        switch (text(line, "op")) {
            case "session" ->
                sessions.put(
                        sid,
                        new Session(
                                sid,
                                text(line, "tokenHash"),
                                instant(line, "createdAt"),
                                instant(line, "lastUsedAt"),
                                instant(line, "expiresAt"),
                                line.path("deleting").asBoolean()));
            case "entry" -> {
                Entry e = new Entry(
                        text(line, "kind"),
                        text(line, "id"),
                        line.path("version").asLong(),
                        text(line, "doc"),
                        instant(line, "expiresAt"));
                entries.computeIfAbsent(sid, k -> new HashMap<>())
                        .computeIfAbsent(e.kind(), k -> new TreeMap<>())
                        .put(e.id(), e);
            }
            case "dropEntry" -> {
                Map<String, TreeMap<String, Entry>> byKind = entries.get(sid);
                if (byKind == null) return;
                TreeMap<String, Entry> ofKind = byKind.get(text(line, "kind"));
                if (ofKind == null) return;
                ofKind.remove(text(line, "id"));
                if (ofKind.isEmpty()) byKind.remove(text(line, "kind"));
                if (byKind.isEmpty()) entries.remove(sid);
            }
            case "usage" -> {
                Map<String, Long> counters = new TreeMap<>();
                line.path("counters")
                        .fields()
                        .forEachRemaining(
                                f -> counters.put(f.getKey(), f.getValue().asLong()));
                usage.put(sid, counters);
            }
            case "purge" -> {
                entries.remove(sid);
                sessions.remove(sid);
                usage.remove(sid);
            }
            default -> throw new IllegalArgumentException("unknown operation '" + text(line, "op") + "'");
        }
    }

    private void append(ObjectNode line) {
        if (out == null) throw new IllegalStateException("the session store is closed");
        try {
            byte[] bytes = (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) out.write(buffer);
            out.force(false);
            linesInJournal++;
        } catch (IOException e) {
            throw new StorageUnavailableException("the session journal " + journal + " could not be written", e);
        }
        if (linesInJournal > COMPACT_SLACK + 2L * itemCount()) {
            try {
                compact();
            } catch (IOException e) {
                // The change is on disk in the long journal; compacting again later is enough.
                linesInJournal = 0;
            }
        }
    }

    private long itemCount() {
        long n = sessions.size() + usage.size();
        for (var byKind : entries.values()) for (var ofKind : byKind.values()) n += ofKind.size();
        return n;
    }

    private void replay() throws IOException {
        if (!Files.exists(journal)) return;
        List<String> lines = new ArrayList<>();
        boolean endsWithNewline;
        try (BufferedReader reader = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            String l;
            while ((l = reader.readLine()) != null) lines.add(l);
        }
        long size = Files.size(journal);
        if (size == 0) return;
        try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, size - 1);
            endsWithNewline = last.get(0) == '\n';
        }
        for (int i = 0; i < lines.size(); i++) {
            boolean tornTail = i == lines.size() - 1 && !endsWithNewline;
            if (tornTail) break;
            if (lines.get(i).isBlank()) continue;
            try {
                apply(json.readTree(lines.get(i)));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(
                        "The session journal " + journal + " is damaged at line " + (i + 1)
                                + " (" + e.getMessage()
                                + "). Move the file away to start with no sessions; the uploaded "
                                + "objects stay in the data folder.",
                        e);
            }
        }
    }

    /** Rewrites the journal as one line per live item: temporary file, fsync, atomic rename, fsync the folder. */
    private void compact() throws IOException {
        Path tmp = dir.resolve(JOURNAL + ".tmp");
        long lines = 0;
        try (FileChannel ch = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            StringBuilder sb = new StringBuilder();
            for (Session s : sessions.values()) {
                sb.append(json.writeValueAsString(sessionLine(s))).append('\n');
                lines++;
            }
            for (var counters : usage.entrySet()) {
                sb.append(json.writeValueAsString(usageLine(counters.getKey(), counters.getValue())))
                        .append('\n');
                lines++;
            }
            for (var bySession : entries.entrySet()) {
                for (var ofKind : bySession.getValue().values()) {
                    for (Entry e : ofKind.values()) {
                        sb.append(json.writeValueAsString(entryLine(bySession.getKey(), e)))
                                .append('\n');
                        lines++;
                    }
                }
            }
            ByteBuffer buffer = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) ch.write(buffer);
            ch.force(true);
        }
        if (out != null) out.close();
        out = null;
        try {
            Files.move(tmp, journal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
            linesInJournal = lines;
        } finally {
            out = FileChannel.open(
                    journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
    }

    private void forceDirectory() {
        // The rename is durable only once the folder's entry is on disk; not every platform lets a folder be opened.
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows: the rename itself is as durable as it gets there.
        }
    }

    private void releaseLock() {
        try {
            if (lock.isValid()) lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release " + dir.resolve(LOCK), e);
        }
    }

    private static String text(JsonNode line, String field) {
        JsonNode v = line.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException("no text field '" + field + "'");
        return v.asText();
    }

    private static Instant instant(JsonNode line, String field) {
        JsonNode v = line.get(field);
        if (v == null || !v.canConvertToLong()) throw new IllegalArgumentException("no number field '" + field + "'");
        return Instant.ofEpochMilli(v.asLong());
    }
}
