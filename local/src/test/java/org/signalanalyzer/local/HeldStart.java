package org.signalanalyzer.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A runtime starting in the background on a free port, with the server or the storage held back until a test lets
 * them start: what answers before each is up.
 */
final class HeldStart implements AutoCloseable {

    final URI base;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final CompletableFuture<LocalRuntime> runtime;
    private final CompletableFuture<Void> serverMayStart;
    private final CompletableFuture<Void> storageMayStart;

    private HeldStart(
            URI base,
            CompletableFuture<LocalRuntime> runtime,
            CompletableFuture<Void> serverMayStart,
            CompletableFuture<Void> storageMayStart) {
        this.base = base;
        this.runtime = runtime;
        this.serverMayStart = serverMayStart;
        this.storageMayStart = storageMayStart;
    }

    static HeldStart holdingServer(Path data) throws IOException {
        return start(data, new CompletableFuture<>(), CompletableFuture.completedFuture(null));
    }

    static HeldStart holdingStorage(Path data) throws IOException {
        return start(data, CompletableFuture.completedFuture(null), new CompletableFuture<>());
    }

    private static HeldStart start(
            Path data, CompletableFuture<Void> serverMayStart, CompletableFuture<Void> storageMayStart)
            throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LocalSettings settings = LocalSettings.defaults().withPort(port).withDataDir(data);
        CompletableFuture<LocalRuntime> runtime = CompletableFuture.supplyAsync(() -> {
            try {
                return LocalRuntime.start(settings, serverMayStart, storageMayStart);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return new HeldStart(URI.create("http://localhost:" + port + "/"), runtime, serverMayStart, storageMayStart);
    }

    /** GET / once it answers 200 (or the last answer after a minute of trying). */
    HttpResponse<byte[]> page() throws InterruptedException {
        HttpResponse<byte[]> page = null;
        for (int attempt = 0; attempt < 600 && (page == null || page.statusCode() != 200); attempt++) {
            try {
                page = http.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException notYetListening) {
                Thread.sleep(100);
            }
        }
        if (page == null) throw new AssertionError("nothing listens at " + base + " after a minute");
        return page;
    }

    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Lets whatever was held start; the runtime once it is up. */
    LocalRuntime release() throws Exception {
        serverMayStart.complete(null);
        storageMayStart.complete(null);
        return runtime.get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        serverMayStart.complete(null);
        storageMayStart.complete(null);
        runtime.thenAccept(LocalRuntime::close);
        runtime.exceptionally(e -> null).get(60, TimeUnit.SECONDS);
    }
}
