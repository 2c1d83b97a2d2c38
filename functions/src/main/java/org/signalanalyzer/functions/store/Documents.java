package org.signalanalyzer.functions.store;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Typed access to a session's entries (their documents are JSON). */
@Singleton
public class Documents {

    private final SessionStore store;
    private final JsonMapper json;

    public Documents(SessionStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    public <T> Entry create(Session session, String kind, String id, T document) {
        return store.putEntry(session.sessionId(), new Entry(kind, id, 0, write(document), session.expiresAt()));
    }

    public <T> Entry replace(Session session, Entry current, T document) {
        return store.replaceEntry(session.sessionId(), current.withDocument(write(document)));
    }

    /** The entry; empty when the session has none of that kind and id, or the id is not one the server made. */
    public Optional<Entry> find(Session session, String kind, String id) {
        if (!BlobKeys.isId(id)) return Optional.empty();
        return store.findEntry(session.sessionId(), kind, id);
    }

    /** The entry's document as {@code type}; empty as for {@link #find(Session, String, String)}. */
    public <T> Optional<T> find(Session session, String kind, String id, Class<T> type) {
        return find(session, kind, id).map(e -> read(e, type));
    }

    public <T> T read(Entry entry, Class<T> type) {
        try {
            return json.readValue(entry.document(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored " + entry.kind() + " " + entry.id() + " is damaged", e);
        }
    }

    public <T> List<T> list(Session session, String kind, Class<T> type) {
        return store.listEntries(session.sessionId(), kind).stream()
                .map(e -> read(e, type))
                .toList();
    }

    /** True when this call removed the entry (a concurrent delete of the same entry answers false). */
    public boolean delete(Session session, String kind, String id) {
        return store.deleteEntry(session.sessionId(), kind, id);
    }

    private String write(Object document) {
        try {
            return json.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
