package org.signalanalyzer.functions.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.functions.support.Dynalite;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The store contract against dynalite (the DynamoDB API; conditional writes, no TTL expiry, no transactions). */
class DynamoSessionStoreTest extends SessionStoreContract {

    private static final Duration GRACE = Duration.ofHours(24);
    private final SessionStore store = new DynamoSessionStore(Dynalite.get().client(), Dynalite.TABLE, GRACE);

    @Override
    protected SessionStore store() {
        return store;
    }

    /**
     * TTL acts on purgeAt, never on the expiry the code checks: every item of a session (the session item and
     * each entry, also after a replacement) holds purgeAt = expiresAt + grace, so a TTL sweep at any moment
     * before that removes nothing the hourly cleanup still needs, while reads treat the session as gone at
     * expiresAt.
     */
    @Test
    void everyItemCarriesPurgeAtTheGraceAfterItsExpiry() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plusSeconds(3600);
        String id = newId();
        store.createSession(new Session(id, "hash", now, now, expiresAt, false));
        Entry created = store.putEntry(id, new Entry("file", "f1", 0, "{}", expiresAt));
        store.replaceEntry(id, created.withDocument("{\"v\":2}"));
        store.putEntry(id, new Entry("analysis", "a1", 0, "{}", expiresAt));

        List<Map<String, AttributeValue>> items = Dynalite.get()
                .client()
                .query(r -> r.tableName(Dynalite.TABLE)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(id))))
                .items();
        assertEquals(3, items.size());
        for (Map<String, AttributeValue> item : items) {
            long expires =
                    Long.parseLong(item.get(DynamoSessionStore.EXPIRES_AT).n());
            assertEquals(expiresAt.getEpochSecond(), expires, item.get("sk").s());
            assertEquals(
                    expires + GRACE.toSeconds(),
                    Long.parseLong(item.get(DynamoSessionStore.PURGE_AT).n()),
                    item.get("sk").s());
        }
        Instant afterExpiry = expiresAt.plusSeconds(1);
        assertTrue(store.findSession(id, afterExpiry).isEmpty(), "expired at expiresAt, not at purgeAt");
        assertTrue(store.sessionsToPurge(afterExpiry).contains(id), "the cleanup finds it from expiresAt on");
    }

    @Test
    void aNegativeGraceIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new DynamoSessionStore(Dynalite.get().client(), Dynalite.TABLE, Duration.ofHours(-1)));
    }
}
