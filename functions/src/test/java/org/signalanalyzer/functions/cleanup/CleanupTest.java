package org.signalanalyzer.functions.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.functions.sessions.Tokens;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.DynamoSessionStore;
import org.signalanalyzer.functions.store.Entry;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.store.SessionStore;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.Dynalite;
import org.signalanalyzer.functions.support.LambdaTestContext;
import org.signalanalyzer.functions.support.S3ProxyServer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The scheduled cleanup through its Lambda entry point, against dynalite (which has no TTL) and S3Proxy. */
class CleanupTest {

    private static CleanupFunction function;
    private final SessionStore store =
            new DynamoSessionStore(Dynalite.get().client(), Dynalite.TABLE, Duration.ofHours(24));
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void start() {
        ApiHarness.configureStorage();
        function = new CleanupFunction();
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    private String session(Instant expiresAt, int objects) {
        String id = Tokens.newId();
        store.createSession(new Session(id, "h", now.minusSeconds(7200), now.minusSeconds(7200), expiresAt, false));
        for (int i = 0; i < objects; i++) {
            String fileId = Tokens.newId();
            store.putEntry(id, new Entry("file", fileId, 0, "{}", expiresAt));
            S3ProxyServer.get()
                    .client()
                    .putObject(
                            r -> r.bucket(S3ProxyServer.BUCKET).key(BlobKeys.upload(id, fileId)),
                            RequestBody.fromString("x"));
        }
        return id;
    }

    private static int objects(String sessionId) {
        return S3ProxyServer.get()
                .client()
                .listObjectsV2(r -> r.bucket(S3ProxyServer.BUCKET).prefix(BlobKeys.sessionPrefix(sessionId)))
                .contents()
                .size();
    }

    private boolean hasItems(String sessionId) {
        return !Dynalite.get()
                .client()
                .query(r -> r.tableName(Dynalite.TABLE)
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(sessionId))))
                .items()
                .isEmpty();
    }

    @Test
    void expiredSessionsGoCompletelyLiveOnesStayAndASecondRunDoesNothing() {
        String live = session(now.plusSeconds(3600), 2);
        String expired = session(now.minusSeconds(60), 3);
        String deleting = session(now.plusSeconds(3600), 1);
        store.markSessionDeleting(deleting);

        function.handleRequest(new ScheduledEvent(), new LambdaTestContext());

        for (String gone : List.of(expired, deleting)) {
            assertEquals(0, objects(gone), gone + " objects");
            assertFalse(hasItems(gone), gone + " items");
        }
        assertEquals(2, objects(live));
        assertEquals(2, store.listEntries(live, "file").size());
        assertTrue(store.findSession(live, now).isPresent());

        SessionCleanup.Report second =
                function.getApplicationContext().getBean(SessionCleanup.class).run(Instant.now());
        assertFalse(
                second.purgedSessions().contains(expired)
                        || second.purgedSessions().contains(deleting)
                        || second.purgedSessions().contains(live),
                "nothing left of ours to remove: " + second);
        assertEquals(2, objects(live));
    }

    @Test
    void aRunInterruptedMidwayIsFinishedByTheNext() {
        String live = session(now.plusSeconds(3600), 1);
        String half = session(now.minusSeconds(60), 4);
        // An earlier run died after deleting some objects and some entries, before the session item.
        var keys = S3ProxyServer.get()
                .client()
                .listObjectsV2(r -> r.bucket(S3ProxyServer.BUCKET).prefix(BlobKeys.sessionPrefix(half)))
                .contents();
        S3ProxyServer.get()
                .client()
                .deleteObject(
                        r -> r.bucket(S3ProxyServer.BUCKET).key(keys.get(0).key()));
        store.deleteEntry(half, "file", store.listEntries(half, "file").get(0).id());
        // Another died after the objects and entries, leaving only the session item.
        String itemOnly = session(now.minusSeconds(60), 0);

        SessionCleanup.Report report =
                function.getApplicationContext().getBean(SessionCleanup.class).run(now);

        assertTrue(report.purgedSessions().containsAll(List.of(half, itemOnly)), report.toString());
        assertEquals(0, objects(half));
        assertFalse(hasItems(half));
        assertFalse(hasItems(itemOnly));
        assertEquals(1, objects(live));
        assertTrue(store.findSession(live, now).isPresent());
    }
}
