package org.signalanalyzer.functions.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
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
    private static final String USAGE_PREFIX = "use_";
    /** Rate items live beside the sessions under a key no session id can take (ids have no '#'). */
    private static final String RATE_PREFIX = "client#";

    private static final String RATE_SK = "CREATIONS";

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
        conditional(
                "session " + s.sessionId() + " exists already",
                () -> dynamo.putItem(
                        r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")));
    }

    @Override
    public Optional<Session> findSession(String sessionId, Instant now) {
        Map<String, AttributeValue> item = call(
                        "read session",
                        () -> dynamo.getItem(r -> r.tableName(table)
                                .key(key(sessionId, SESSION_SK))
                                .consistentRead(true)))
                .item();
        if (item == null || item.isEmpty()) return Optional.empty();
        Session s = new Session(
                sessionId,
                item.get("tokenHash").s(),
                Instant.ofEpochMilli(Long.parseLong(item.get("createdAt").n())),
                Instant.ofEpochMilli(Long.parseLong(item.get("lastUsedAt").n())),
                Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRES_AT).n())),
                item.containsKey("deleting")
                        && Boolean.TRUE.equals(item.get("deleting").bool()));
        return s.liveAt(now) ? Optional.of(s) : Optional.empty();
    }

    @Override
    public void touchSession(String sessionId, Instant now) {
        try {
            call(
                    "record session use",
                    () -> dynamo.updateItem(r -> r.tableName(table)
                            .key(key(sessionId, SESSION_SK))
                            .updateExpression("SET lastUsedAt = :now")
                            .conditionExpression("attribute_exists(pk) AND expiresAt > :nowS AND deleting = :f")
                            .expressionAttributeValues(Map.of(
                                    ":now",
                                    num(now.toEpochMilli()),
                                    ":nowS",
                                    num(now.getEpochSecond()),
                                    ":f",
                                    AttributeValue.fromBool(false)))));
        } catch (ConditionalCheckFailedException notLive) {
            // Touching a session that just expired or is being deleted must not revive it.
        }
    }

    @Override
    public boolean markSessionDeleting(String sessionId) {
        try {
            call(
                    "mark session deleting",
                    () -> dynamo.updateItem(r -> r.tableName(table)
                            .key(key(sessionId, SESSION_SK))
                            .updateExpression("SET deleting = :t")
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
        conditional(
                entry.kind() + " " + entry.id() + " exists already",
                () -> dynamo.putItem(r -> r.tableName(table)
                        .item(entryItem(sessionId, stored))
                        .conditionExpression("attribute_not_exists(pk)")));
        return stored;
    }

    @Override
    public Entry replaceEntry(String sessionId, Entry entry) {
        Entry stored = new Entry(entry.kind(), entry.id(), entry.version() + 1, entry.document(), entry.expiresAt());
        conditional(
                entry.kind() + " " + entry.id() + " changed meanwhile",
                () -> dynamo.putItem(r -> r.tableName(table)
                        .item(entryItem(sessionId, stored))
                        .conditionExpression("version = :v")
                        .expressionAttributeValues(Map.of(":v", num(entry.version())))));
        return stored;
    }

    @Override
    public Optional<Entry> findEntry(String sessionId, String kind, String id) {
        Map<String, AttributeValue> item = call(
                        "read " + kind,
                        () -> dynamo.getItem(r -> r.tableName(table)
                                .key(key(sessionId, sortKey(kind, id)))
                                .consistentRead(true)))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toEntry(item));
    }

    @Override
    public List<Entry> listEntries(String sessionId, String kind) {
        List<Entry> entries = new ArrayList<>();
        QueryRequest query = QueryRequest.builder()
                .tableName(table)
                .consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", str(sessionId), ":prefix", str(kind + "#")))
                .build();
        call("list " + kind, () -> {
            dynamo.queryPaginator(query).items().forEach(item -> entries.add(toEntry(item)));
            return null;
        });
        return entries;
    }

    @Override
    public boolean deleteEntry(String sessionId, String kind, String id) {
        // ALL_OLD is empty for the loser of two concurrent deletes: DynamoDB applies them one after the other.
        return call(
                        "delete " + kind,
                        () -> dynamo.deleteItem(r -> r.tableName(table)
                                .key(key(sessionId, sortKey(kind, id)))
                                .returnValues(ReturnValue.ALL_OLD)))
                .hasAttributes();
    }

    @Override
    public List<String> sessionsToPurge(Instant now) {
        // Every item carries its session's expiresAt, so expired entries whose session item TTL already removed
        // are found too. A scan is fine hourly: the table holds only the sessions of the last day or so.
        ScanRequest scan = ScanRequest.builder()
                .tableName(table)
                .projectionExpression("pk")
                .filterExpression("expiresAt <= :now OR deleting = :t")
                .expressionAttributeValues(
                        Map.of(":now", num(now.getEpochSecond()), ":t", AttributeValue.fromBool(true)))
                .build();
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        call("find expired sessions", () -> {
            dynamo.scanPaginator(scan)
                    .items()
                    .forEach(item -> ids.add(item.get("pk").s()));
            return null;
        });
        return List.copyOf(ids);
    }

    @Override
    public boolean purgeSession(String sessionId, Instant now) {
        Map<String, AttributeValue> sessionItem = call(
                        "read session",
                        () -> dynamo.getItem(r -> r.tableName(table)
                                .key(key(sessionId, SESSION_SK))
                                .consistentRead(true)))
                .item();
        boolean hasSessionItem = sessionItem != null && !sessionItem.isEmpty();
        if (hasSessionItem && isLive(sessionItem, now)) return false;
        QueryRequest query = QueryRequest.builder()
                .tableName(table)
                .consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .projectionExpression("pk, sk")
                .expressionAttributeValues(Map.of(":pk", str(sessionId)))
                .build();
        List<String> sortKeys = new ArrayList<>();
        call("list session items", () -> {
            dynamo.queryPaginator(query)
                    .items()
                    .forEach(item -> sortKeys.add(item.get("sk").s()));
            return null;
        });
        for (String sk : sortKeys) {
            if (!sk.equals(SESSION_SK)) {
                call(
                        "delete session item",
                        () -> dynamo.deleteItem(r -> r.tableName(table).key(key(sessionId, sk))));
            }
        }
        if (hasSessionItem) {
            try {
                // The condition keeps a session that became live again (it cannot, but a clock skew could) intact.
                call(
                        "delete session",
                        () -> dynamo.deleteItem(r -> r.tableName(table)
                                .key(key(sessionId, SESSION_SK))
                                .conditionExpression("expiresAt <= :now OR deleting = :t")
                                .expressionAttributeValues(Map.of(
                                        ":now", num(now.getEpochSecond()), ":t", AttributeValue.fromBool(true)))));
            } catch (ConditionalCheckFailedException live) {
                return false;
            }
        }
        return true;
    }

    // Usage counters are attributes of the session item ("use_" + counter), so one conditional update reserves
    // several of them at once and a purge of the session removes them with it.

    @Override
    public Optional<QuotaRefusal> reserveUsage(String sessionId, List<UsageCharge> charges, Instant now) {
        if (charges.isEmpty()) return Optional.empty();
        if (charges.stream().anyMatch(c -> c.amount() > c.limit())) {
            return firstMisfit(charges, liveUsage(sessionId, now));
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            StringBuilder update = new StringBuilder();
            StringBuilder condition = new StringBuilder("attribute_exists(pk) AND expiresAt > :nowS AND deleting = :f");
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":nowS", num(now.getEpochSecond()));
            values.put(":f", AttributeValue.fromBool(false));
            values.put(":zero", num(0));
            for (int i = 0; i < charges.size(); i++) {
                UsageCharge c = charges.get(i);
                names.put("#c" + i, USAGE_PREFIX + c.counter());
                values.put(":a" + i, num(c.amount()));
                values.put(":m" + i, num(c.limit() - c.amount()));
                update.append(i == 0 ? "SET " : ", ")
                        .append("#c")
                        .append(i)
                        .append(" = if_not_exists(#c")
                        .append(i)
                        .append(", :zero) + :a")
                        .append(i);
                condition
                        .append(" AND (attribute_not_exists(#c")
                        .append(i)
                        .append(") OR #c")
                        .append(i)
                        .append(" <= :m")
                        .append(i)
                        .append(')');
            }
            try {
                call(
                        "reserve usage",
                        () -> dynamo.updateItem(r -> r.tableName(table)
                                .key(key(sessionId, SESSION_SK))
                                .updateExpression(update.toString())
                                .conditionExpression(condition.toString())
                                .expressionAttributeNames(names)
                                .expressionAttributeValues(values)));
                return Optional.empty();
            } catch (ConditionalCheckFailedException refused) {
                Optional<QuotaRefusal> misfit = firstMisfit(charges, liveUsage(sessionId, now));
                if (misfit.isPresent()) return misfit;
                // Room was given back between the write and the read: try again.
            }
        }
        UsageCharge first = charges.get(0);
        return Optional.of(new QuotaRefusal(first, liveUsage(sessionId, now).getOrDefault(first.counter(), 0L)));
    }

    @Override
    public void releaseUsage(String sessionId, List<UsageCharge> charges) {
        for (UsageCharge c : charges) {
            if (c.amount() == 0) continue;
            try {
                call(
                        "release usage",
                        () -> dynamo.updateItem(r -> r.tableName(table)
                                .key(key(sessionId, SESSION_SK))
                                .updateExpression("SET #c = #c - :a")
                                .conditionExpression("attribute_exists(pk) AND #c >= :a")
                                .expressionAttributeNames(Map.of("#c", USAGE_PREFIX + c.counter()))
                                .expressionAttributeValues(Map.of(":a", num(c.amount())))));
            } catch (ConditionalCheckFailedException goneOrLower) {
                // A purged session has nothing to give back; a counter never goes below zero.
            }
        }
    }

    @Override
    public Map<String, Long> usage(String sessionId) {
        Map<String, AttributeValue> item = call(
                        "read session",
                        () -> dynamo.getItem(r -> r.tableName(table)
                                .key(key(sessionId, SESSION_SK))
                                .consistentRead(true)))
                .item();
        return item == null ? Map.of() : counters(item);
    }

    @Override
    public Optional<Duration> takeCreationSlot(String clientKey, int perMinute, int burst, Instant now) {
        Map<String, AttributeValue> rateKey = key(RATE_PREFIX + clientKey, RATE_SK);
        long nowMs = now.toEpochMilli();
        long interval = CreationSlots.intervalMs(perMinute);
        long latest = CreationSlots.edgeMs(nowMs, perMinute, burst) + interval;
        // Both TTL attribute names carry the expiry, so the item expires whichever one the table's TTL reads.
        AttributeValue expiry = num(CreationSlots.expirySecond(latest));
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                call(
                        "count session creations",
                        () -> dynamo.updateItem(r -> r.tableName(table)
                                .key(rateKey)
                                .updateExpression("SET tat = :next, expiresAt = :exp, purgeAt = :exp")
                                .conditionExpression("attribute_not_exists(tat) OR tat < :now")
                                .expressionAttributeValues(
                                        Map.of(":next", num(nowMs + interval), ":exp", expiry, ":now", num(nowMs)))));
                return Optional.empty();
            } catch (ConditionalCheckFailedException busy) {
                // The client created sessions recently: admitted only while its TAT is within the burst.
            }
            try {
                call(
                        "count session creations",
                        () -> dynamo.updateItem(r -> r.tableName(table)
                                .key(rateKey)
                                .updateExpression("SET tat = tat + :interval, expiresAt = :exp, purgeAt = :exp")
                                .conditionExpression("tat >= :now AND tat <= :edge")
                                .expressionAttributeValues(Map.of(
                                        ":interval",
                                        num(interval),
                                        ":exp",
                                        expiry,
                                        ":now",
                                        num(nowMs),
                                        ":edge",
                                        num(CreationSlots.edgeMs(nowMs, perMinute, burst))))));
                return Optional.empty();
            } catch (ConditionalCheckFailedException refusedOrIdle) {
                Map<String, AttributeValue> item = call(
                                "read session creations",
                                () -> dynamo.getItem(
                                        r -> r.tableName(table).key(rateKey).consistentRead(true)))
                        .item();
                if (item != null && item.containsKey("tat")) {
                    long tat = Long.parseLong(item.get("tat").n());
                    if (!CreationSlots.admits(tat, nowMs, perMinute, burst)) {
                        return Optional.of(CreationSlots.wait(tat, nowMs, perMinute, burst));
                    }
                }
                // The TAT fell behind now between the two writes: the first one admits on the next round.
            }
        }
        return Optional.of(Duration.ofMillis(interval));
    }

    /** The counters of a live session item; {@link StoreConflictException} when it is gone. */
    private Map<String, Long> liveUsage(String sessionId, Instant now) {
        Map<String, AttributeValue> item = call(
                        "read session",
                        () -> dynamo.getItem(r -> r.tableName(table)
                                .key(key(sessionId, SESSION_SK))
                                .consistentRead(true)))
                .item();
        if (item == null || item.isEmpty() || !isLive(item, now)) {
            throw new StoreConflictException("session " + sessionId + " is gone");
        }
        return counters(item);
    }

    private static Map<String, Long> counters(Map<String, AttributeValue> item) {
        Map<String, Long> counters = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(USAGE_PREFIX))
                counters.put(name.substring(USAGE_PREFIX.length()), Long.parseLong(value.n()));
        });
        return counters;
    }

    static Optional<QuotaRefusal> firstMisfit(List<UsageCharge> charges, Map<String, Long> used) {
        for (UsageCharge c : charges) {
            long u = used.getOrDefault(c.counter(), 0L);
            if (c.amount() > c.limit() || u > c.limit() - c.amount()) return Optional.of(new QuotaRefusal(c, u));
        }
        return Optional.empty();
    }

    private static boolean isLive(Map<String, AttributeValue> item, Instant now) {
        boolean deleting = item.containsKey("deleting")
                && Boolean.TRUE.equals(item.get("deleting").bool());
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
        return new Entry(
                sk.substring(0, hash),
                sk.substring(hash + 1),
                Long.parseLong(item.get("version").n()),
                item.get("doc").s(),
                Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRES_AT).n())));
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
