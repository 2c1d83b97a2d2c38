package org.signalanalyzer.functions.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.functions.cleanup.SessionCleanup;
import org.signalanalyzer.functions.sessions.Tokens;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.BlobStore;
import org.signalanalyzer.functions.store.Entry;
import org.signalanalyzer.functions.store.S3BlobStore;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.store.SessionStore;
import org.signalanalyzer.functions.store.StorageUnavailableException;
import org.signalanalyzer.functions.support.S3ProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The cleanup cut off at every storage call it makes, one run per cut: the live session never loses an object or
 * an item, and an uninterrupted run afterwards removes the expired session completely. Runs against DynamoDB
 * (dynalite) here; the local runtime's journal store extends it.
 */
public abstract class CleanupInterruptionContract {

    protected abstract SessionStore store();

    /** S3Proxy in this JVM (the functions' test server), for stores that keep objects in S3. */
    protected static BlobStore s3Blobs() {
        return new S3BlobStore(
                S3ProxyServer.get().client(),
                S3Presigner.builder()
                        .region(Region.US_EAST_1)
                        .endpointOverride(S3ProxyServer.get().endpoint())
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                        .build(),
                S3ProxyServer.BUCKET);
    }

    private SessionStore store;
    private final BlobStore blobs = s3Blobs();

    /** Storage calls made so far; from call number {@code failFrom} on, every call fails as an outage. */
    private static final class Cut {
        final AtomicInteger calls = new AtomicInteger();
        final int failFrom;

        Cut(int failFrom) {
            this.failFrom = failFrom;
        }

        @SuppressWarnings("unchecked")
        <T> T wrap(Class<T> type, T target) {
            InvocationHandler h = (proxy, method, args) -> {
                if (calls.incrementAndGet() >= failFrom) {
                    throw new StorageUnavailableException(
                            "cut at call " + failFrom + " (" + method.getName() + ")",
                            new IOException("connection reset"));
                }
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
        }
    }

    private String session(Instant now, boolean live) {
        String id = Tokens.newId();
        Instant expires = live ? now.plusSeconds(86_400) : now.minusSeconds(60);
        store.createSession(new Session(id, "hash", now.minusSeconds(7200), now.minusSeconds(7200), expires, false));
        for (String kind : List.of("file", "analysis", "export")) {
            store.putEntry(id, new Entry(kind, Tokens.newId(), 0, "{\"n\":1}", expires));
        }
        String file = Tokens.newId();
        blobs.put(BlobKeys.upload(id, file), "ATF".getBytes(StandardCharsets.UTF_8), "text/plain");
        blobs.put(BlobKeys.fileObject(id, file, "samples"), new byte[64], "application/octet-stream");
        blobs.put(BlobKeys.analysis(id, Tokens.newId()), "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        return id;
    }

    private record State(boolean found, List<String> entries, List<String> objects) {}

    private State state(String id, Instant now) {
        List<String> entries = new ArrayList<>();
        for (String kind : List.of("file", "analysis", "export")) {
            store.listEntries(id, kind).forEach(e -> entries.add(e.kind() + "#" + e.id() + "@" + e.version()));
        }
        return new State(store.findSession(id, now).isPresent(), entries, blobs.list(BlobKeys.sessionPrefix(id)));
    }

    @Test
    void aCleanupCutAtAnyStepLeavesTheLiveSessionWholeAndTheNextRunFinishes() {
        store = store();
        Instant now = Instant.now();
        Cut measure = new Cut(Integer.MAX_VALUE);
        String probeLive = session(now, true);
        session(now, false);
        new SessionCleanup(measure.wrap(SessionStore.class, store), measure.wrap(BlobStore.class, blobs)).run(now);
        int steps = measure.calls.get();
        assertTrue(steps >= 4, "an uninterrupted cleanup of one session makes several storage calls: " + steps);
        assertTrue(state(probeLive, now).found());

        for (int cutAt = 1; cutAt <= steps + 1; cutAt++) {
            String live = session(now, true);
            String expired = session(now, false);
            State liveBefore = state(live, now);
            Cut cut = new Cut(cutAt);
            try {
                new SessionCleanup(cut.wrap(SessionStore.class, store), cut.wrap(BlobStore.class, blobs)).run(now);
            } catch (StorageUnavailableException expected) {
                // A cut before the first session is reached ends the run; the next run starts over.
            }
            assertEquals(liveBefore, state(live, now), "live session after a cleanup cut at call " + cutAt);
            new SessionCleanup(store, blobs).run(now);
            assertEquals(liveBefore, state(live, now), "live session after the next run (cut at " + cutAt + ")");
            State gone = state(expired, now);
            assertEquals(
                    new State(false, List.of(), List.of()),
                    gone,
                    "expired session after the next run (cut at " + cutAt + ")");
        }
    }
}
