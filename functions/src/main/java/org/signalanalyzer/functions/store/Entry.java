package org.signalanalyzer.functions.store;

import java.time.Instant;

/**
 * Something a session owns (a file, an analysis, an export, a job), kept as a JSON document. {@code version}
 * counts the writes (1 for a new entry) and guards every replacement against a lost update; {@code expiresAt}
 * is the session's, so the table's TTL removes a session and all its entries together.
 */
public record Entry(String kind, String id, long version, String document, Instant expiresAt) {

    public Entry withDocument(String newDocument) {
        return new Entry(kind, id, version, newDocument, expiresAt);
    }
}
