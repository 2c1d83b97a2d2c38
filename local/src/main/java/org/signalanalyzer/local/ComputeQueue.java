package org.signalanalyzer.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.signalanalyzer.functions.web.ComputesFromRecording;
import reactor.core.publisher.Mono;

/**
 * The requests that compute from recordings (the endpoints marked {@link ComputesFromRecording}: registering an
 * upload, analysing, filtering, fitting, exporting, charge-voltage sets) run at most one per core at a time; the
 * others wait here in arrival order without holding a thread. Everything else (sessions, upload tickets, the uploads
 * themselves, the plot's trace window, short reads, integrals) passes at once, so it is not stuck behind a crowd of
 * analyses sharing the cores. Filters run after the route is matched, so the mark is read from the matched endpoint.
 */
@Filter("/api/sessions/*/**")
@Requires(property = LocalStorageFactory.EMBEDDED_PROPERTY, value = "embedded")
public class ComputeQueue implements HttpServerFilter {

    private final Queue<CompletableFuture<Boolean>> waiting = new ArrayDeque<>();
    private int free;

    public ComputeQueue() {
        this.free = Runtime.getRuntime().availableProcessors();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!RouteAttributes.getRouteInfo(request).map(ComputeQueue::computes).orElse(false)) {
            return chain.proceed(request);
        }
        // A caller that goes away while waiting gives up its place (the future is cancelled and skipped); one
        // that goes away after its turn came gives the slot back.
        return Mono.usingWhen(
                Mono.fromFuture(this::take),
                slot -> Mono.from(chain.proceed(request)),
                slot -> Mono.fromRunnable(this::giveBack));
    }

    static boolean computes(RouteInfo<?> route) {
        return route.getAnnotationMetadata().hasAnnotation(ComputesFromRecording.class);
    }

    private synchronized CompletableFuture<Boolean> take() {
        if (free > 0) {
            free--;
            return CompletableFuture.completedFuture(true);
        }
        CompletableFuture<Boolean> turn = new CompletableFuture<>();
        waiting.add(turn);
        return turn;
    }

    private void giveBack() {
        CompletableFuture<Boolean> next;
        synchronized (this) {
            do {
                next = waiting.poll();
            } while (next != null && next.isCancelled());
            if (next == null) {
                free++;
                return;
            }
        }
        if (!next.complete(true)) giveBack();
    }
}
