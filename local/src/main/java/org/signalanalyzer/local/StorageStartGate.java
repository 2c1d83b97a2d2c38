package org.signalanalyzer.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.util.concurrent.CompletableFuture;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * S3Proxy starts after the page is served (it is not needed to show it, and its start-up would compete with the
 * server's for the cores). API calls and stored-file links that arrive before it is up wait for it here, without
 * holding a thread; once it is up this filter only passes requests on.
 */
@Filter({"/api/**", "/" + EmbeddedS3.BUCKET + "/**"})
@Requires(property = LocalStorageFactory.EMBEDDED_PROPERTY, value = "embedded")
public class StorageStartGate implements HttpServerFilter {

    /**
     * Completed by {@link LocalRuntime} with S3Proxy once it answers; registered in the context before it starts.
     * The in-process store reads and writes through the running S3Proxy's own store.
     */
    public static final class Started {
        final CompletableFuture<EmbeddedS3> future = new CompletableFuture<>();

        /** The store S3Proxy serves; waits for its start (API calls never do: the gate held them until then). */
        FilesystemNio2BlobStore served() {
            return future.join().served();
        }
    }

    private final Started started;

    public StorageStartGate(Started started) {
        this.started = started;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (started.future.isDone() && !started.future.isCompletedExceptionally()) return chain.proceed(request);
        // A start that failed ends the process (LocalRuntime.start throws); until then requests get the error.
        return Mono.fromFuture(started.future).then(Mono.defer(() -> Mono.from(chain.proceed(request))));
    }
}
