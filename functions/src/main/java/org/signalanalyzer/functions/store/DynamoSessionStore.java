package org.signalanalyzer.functions.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The session store on one DynamoDB table: partition key {@code pk} = session id, sort key {@code sk} =
 * {@value #SESSION_SK} for the session item and {@code kind#id} for its entries. Every item carries its session's
 * {@value #EXPIRES_AT} (epoch seconds), the logical expiry every read checks, and {@value #PURGE_AT} = expiresAt +
 * the TTL grace, the table's TTL attribute (set in template.yaml, never from here: dynalite has no
 * UpdateTimeToLive). TTL deletes lazily and without asking; the grace keeps every item until the hourly cleanup
 * has had many chances to find the session and delete its objects first.
 */
public final class DynamoSessionStore implements SessionStore {

    public static final String EXPIRES_AT = "expiresAt";
    public static final String PURGE_AT = "purgeAt";
    static final String SESSION_SK = "SESSION";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration ttlGrace;

    public DynamoSessionStore(DynamoDbClient dynamo, String table, Duration ttlGrace) {
        if (ttlGrace.isNegative()) throw new IllegalArgumentException("the TTL grace cannot be negative: " + ttlGrace);
        this.dynamo = dynamo;
        this.table = table;
        this.ttlGrace = ttlGrace;
    }

    @Override
    public void createSession(Session s) {
        Map<String, AttributeValue> item = key(s.sessionId(), SESSION_SK);
        item.put("tokenHash", str(s.tokenHash()));
        item.put("createdAt", num(s.createdAt().toEpochMilli()));
        item.put("lastUsedAt", num(s.lastUsedAt().toEpochMilli()));
        putExpiry(item, s.expiresAt());
        item.put("deleting", AttributeValue.fromBool(s.deleting()));
        conditional("session " + s.sessionId() + " exists already", () -> dynamo.putItem(r -> r.tableName(table)
                .item(item).conditionExpression("attribute_not_exists(pk)")));
    }

    @Override
    public Optional<Session> findSession(String sessionId, Instant now) {
        Map<String, AttributeValue> item = call("read session", () -> dynamo.getItem(r -> r.tableName(table)
                .key(key(sessionId, SESSION_SK)).consistentRead(true))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        Session s = new Session(sessionId, item.get("tokenHash").s(),
                Instant.ofEpochMilli(Long.parseLong(item.get("createdAt").n())),
                Instant.ofEpochMilli(Long.parseLong(item.get("lastUsedAt").n())),
                Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRES_AT).n())),
                item.containsKey("deleting") && Boolean.TRUE.equals(item.get("deleting").bool()));
        return s.liveAt(now) ? Optional.of(s) : Optional.empty();
    }

    @Override
    public void touchSession(String sessionId, Instant now) {
        try {
            call("record session use", () -> dynamo.updateItem(r -> r.tableName(table).key(key(sessionId, SESSION_SK))
                    .updateExpression("SET lastUsedAt = :now")
                    .conditionExpression("attribute_exists(pk) AND expiresAt > :nowS AND deleting = :f")
                    .expressionAttributeValues(Map.of(":now", num(now.toEpochMilli()),
                            ":nowS", num(now.getEpochSecond()), ":f", AttributeValue.fromBool(false)))));
        } catch (ConditionalCheckFailedException notLive) {
            // Touching a session that just expired or is being deleted must not revive it.
        }
    }

    @Override
    public boolean markSessionDeleting(String sessionId) {
        try {
            call("mark session deleting", () -> dynamo.updateItem(r -> r.tableName(table)
                    .key(key(sessionId, SESSION_SK)).updateExpression("SET deleting = :t")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true)))));
            return true;
        } catch (ConditionalCheckFailedException absent) {
            return false;
        }
    }

    @Override
    public Entry putEntry(String sessionId, Entry entry) {
        Entry stored = new Entry(entry.kind(), entry.id(), 1, entry.document(), entry.expiresAt());
        conditional(entry.kind() + " " + entry.id() + " exists already", () -> dynamo.putItem(r -> r.tableName(table)
                .item(entryItem(sessionId, stored)).conditionExpression("attribute_not_exists(pk)")));
        return stored;
    }

    @Override
    public Entry replaceEntry(String sessionId, Entry entry) {
        Entry stored = new Entry(entry.kind(), entry.id(), entry.version() + 1, entry.document(), entry.expiresAt());
        conditional(entry.kind() + " " + entry.id() + " changed meanwhile", () -> dynamo.putItem(r -> r.tableName(table)
                .item(entryItem(sessionId, stored)).conditionExpression("version = :v")
                .expressionAttributeValues(Map.of(":v", num(entry.version())))));
        return stored;
    }

    @Override
    public Optional<Entry> findEntry(String sessionId, String kind, String id) {
        Map<String, AttributeValue> item = call("read " + kind, () -> dynamo.getItem(r -> r.tableName(table)
                .key(key(sessionId, sortKey(kind, id))).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toEntry(item));
    }

    @Override
    public List<Entry> listEntries(String sessionId, String kind) {
        List<Entry> entries = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", str(sessionId), ":prefix", str(kind + "#"))).build();
        call("list " + kind, () -> {
            dynamo.queryPaginator(query).items().forEach(item -> entries.add(toEntry(item)));
            return null;
        });
        return entries;
    }

    @Override
    public void deleteEntry(String sessionId, String kind, String id) {
        call("delete " + kind, () -> dynamo.deleteItem(r -> r.tableName(table).key(key(sessionId, sortKey(kind, id)))));
    }

    @Override
    public List<String> sessionsToPurge(Instant now) {
        // Every item carries its session's expiresAt, so expired entries whose session item TTL already removed
        // are found too. A scan is fine hourly: the table holds only the sessions of the last day or so.
        ScanRequest scan = ScanRequest.builder().tableName(table).projectionExpression("pk")
                .filterExpression("expiresAt <= :now OR deleting = :t")
                .expressionAttributeValues(Map.of(":now", num(now.getEpochSecond()), ":t", AttributeValue.fromBool(true)))
                .build();
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        call("find expired sessions", () -> {
            dynamo.scanPaginator(scan).items().forEach(item -> ids.add(item.get("pk").s()));
            return null;
        });
        return List.copyOf(ids);
    }

    @Override
    public boolean purgeSession(String sessionId, Instant now) {
        Map<String, AttributeValue> sessionItem = call("read session", () -> dynamo.getItem(r -> r.tableName(table)
                .key(key(sessionId, SESSION_SK)).consistentRead(true))).item();
        boolean hasSessionItem = sessionItem != null && !sessionItem.isEmpty();
        if (hasSessionItem && isLive(sessionItem, now)) return false;
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk").projectionExpression("pk, sk")
                .expressionAttributeValues(Map.of(":pk", str(sessionId))).build();
        List<String> sortKeys = new ArrayList<>();
        call("list session items", () -> {
            dynamo.queryPaginator(query).items().forEach(item -> sortKeys.add(item.get("sk").s()));
            return null;
        });
        for (String sk : sortKeys) {
            if (!sk.equals(SESSION_SK)) {
                call("delete session item", () -> dynamo.deleteItem(r -> r.tableName(table).key(key(sessionId, sk))));
            }
        }
        if (hasSessionItem) {
            try {
                // The condition keeps a session that became live again (it cannot, but a clock skew could) intact.
                call("delete session", () -> dynamo.deleteItem(r -> r.tableName(table).key(key(sessionId, SESSION_SK))
                        .conditionExpression("expiresAt <= :now OR deleting = :t")
                        .expressionAttributeValues(Map.of(":now", num(now.getEpochSecond()),
                                ":t", AttributeValue.fromBool(true)))));
            } catch (ConditionalCheckFailedException live) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLive(Map<String, AttributeValue> item, Instant now) {
        boolean deleting = item.containsKey("deleting") && Boolean.TRUE.equals(item.get("deleting").bool());
        return !deleting && Long.parseLong(item.get(EXPIRES_AT).n()) > now.getEpochSecond();
    }

    private Map<String, AttributeValue> entryItem(String sessionId, Entry e) {
        Map<String, AttributeValue> item = key(sessionId, sortKey(e.kind(), e.id()));
        item.put("version", num(e.version()));
        item.put("doc", str(e.document()));
        putExpiry(item, e.expiresAt());
        return item;
    }

    private void putExpiry(Map<String, AttributeValue> item, Instant expiresAt) {
        item.put(EXPIRES_AT, num(expiresAt.getEpochSecond()));
        item.put(PURGE_AT, num(expiresAt.plus(ttlGrace).getEpochSecond()));
    }

    private static Entry toEntry(Map<String, AttributeValue> item) {
        String sk = item.get("sk").s();
        int hash = sk.indexOf('#');
        return new Entry(sk.substring(0, hash), sk.substring(hash + 1), Long.parseLong(item.get("version").n()),
                item.get("doc").s(), Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRES_AT).n())));
    }

    private static String sortKey(String kind, String id) {
        if (kind.contains("#") || kind.equals(SESSION_SK)) throw new IllegalArgumentException("bad kind " + kind);
        return kind + "#" + id;
    }

    private static Map<String, AttributeValue> key(String sessionId, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", str(sessionId));
        key.put("sk", str(sk));
        return key;
    }

    private static AttributeValue str(String s) {
        return AttributeValue.fromS(s);
    }

    private static AttributeValue num(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }

    private static void conditional(String conflict, Supplier<?> write) {
        try {
            call("write", write);
        } catch (ConditionalCheckFailedException e) {
            throw new StoreConflictException(conflict);
        }
    }

    private static <T> T call(String what, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (SdkException e) {
            if (StorageFaults.isOurFault(e)) throw e;
            throw new StorageUnavailableException("DynamoDB could not " + what, e);
        }
    }
}
