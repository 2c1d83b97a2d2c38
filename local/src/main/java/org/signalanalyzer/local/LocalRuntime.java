package org.signalanalyzer.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * Signal Analyzer in one process: the functions' controllers on Netty, the browser app, S3Proxy on the data
 * folder, the journal session store and the cleanup timer. {@link #start} is what {@code main} and the tests use.
 */
public final class LocalRuntime implements AutoCloseable {

    /** Start, answer the page and one API call, stop: a smoke test, and the build's class-data-sharing training run. */
    static final String SELF_CHECK = "--self-check";
    /** In-flight requests get this long to finish when the process is asked to stop. */
    static final String GRACE_PERIOD = "30s";

    private static final long MB = 1024L * 1024L;

    private final LocalSettings settings;
    private final EmbeddedS3 s3;
    private final ApplicationContext context;
    private final URI url;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private LocalRuntime(LocalSettings settings, EmbeddedS3 s3, ApplicationContext context, URI url) {
        this.settings = settings;
        this.s3 = s3;
        this.context = context;
        this.url = url;
    }

    public static void main(String[] args) {
        if (LocalSettings.wantsHelp(args)) {
            System.out.println(LocalSettings.USAGE);
            return;
        }
        boolean selfCheck = Arrays.asList(args).contains(SELF_CHECK);
        LocalSettings settings;
        try {
            settings = LocalSettings.parse(
                    Arrays.stream(args).filter(a -> !a.equals(SELF_CHECK)).toArray(String[]::new), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalRuntime runtime;
        try {
            runtime = start(settings);
        } catch (Exception e) {
            System.err.println("Signal Analyzer could not start: " + explain(e, settings));
            System.exit(1);
            return;
        }
        if (selfCheck) {
            System.exit(selfCheck(runtime) ? 0 : 1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "signal-analyzer-stop"));
        long sinceJvmStart = System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("Signal Analyzer is running at " + runtime.url() + "  (data: "
                + settings.dataDir().toAbsolutePath().normalize() + "; ready " + sinceJvmStart
                + " ms after launch; Ctrl+C stops it)");
        settings.openDoorWarning().ifPresent(System.out::println);
        runtime.awaitStop();
    }

    /**
     * Starts, asks itself for the page and a new session, stops. The build runs it once to record the classes a
     * start loads into a class-data-sharing archive (signal-analyzer-local.jsa), which the run command uses.
     */
    private static boolean selfCheck(LocalRuntime runtime) {
        try (runtime) {
            int page = status(runtime.url(), "GET");
            int session = createSession(
                    runtime.url().resolve("api/sessions"), runtime.settings().accessCode());
            System.out.println("self-check: GET / answered " + page + ", POST /api/sessions answered " + session);
            return page == 200 && session == 201;
        } catch (IOException e) {
            System.err.println("self-check failed: " + e.getMessage());
            return false;
        }
    }

    /** POST /api/sessions, with the access code when one is set. */
    private static int createSession(URI uri, String accessCode) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setRequestMethod("POST");
        try {
            if (!accessCode.isEmpty()) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                var body = new ObjectMapper().createObjectNode().put("accessCode", accessCode);
                c.getOutputStream().write(body.toString().getBytes(StandardCharsets.UTF_8));
            }
            return c.getResponseCode();
        } finally {
            c.disconnect();
        }
    }

    private static int status(URI uri, String method) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setRequestMethod(method);
        try {
            return c.getResponseCode();
        } finally {
            c.disconnect();
        }
    }

    /**
     * Starts everything on {@code settings}; port 0 takes a free port. The port is listened on first, by the
     * {@link FrontDoor}, which serves the page while the server starts and then hands the socket to it. S3Proxy (its
     * loopback port chosen first) starts once the server answers: the page does not need it, and on a busy machine
     * its start-up would delay the server's; {@link StorageStartGate} holds API calls that come in before it is up.
     * Returns when both are up.
     */
    public static LocalRuntime start(LocalSettings settings) throws Exception {
        CompletableFuture<Void> now = CompletableFuture.completedFuture(null);
        return start(settings, now, now);
    }

    /**
     * The same, the server held back until {@code serverMayStart} and S3Proxy until {@code storageMayStart}
     * completes: a test sees what answers before each.
     */
    static LocalRuntime start(
            LocalSettings settings, CompletableFuture<?> serverMayStart, CompletableFuture<?> storageMayStart)
            throws Exception {
        FrontDoor door = FrontDoor.open(settings.bind(), settings.port());
        ApplicationContext context = null;
        CompletableFuture<EmbeddedS3> s3 = null;
        try {
            Path data = settings.dataDir().toAbsolutePath().normalize();
            Files.createDirectories(data);
            int port = door.port();
            int s3Port = freePort("127.0.0.1");
            String s3Secret = EmbeddedS3.newSecretKey();
            quietS3ProxyStartup();
            StorageStartGate.Started gate = new StorageStartGate.Started();
            serverMayStart.join();
            context = ApplicationContext.builder()
                    .properties(properties(settings, data, port, EmbeddedS3.endpoint(s3Port), s3Secret))
                    .singletons(gate, door)
                    .environmentPropertySource(false)
                    .deduceEnvironment(false)
                    .banner(false)
                    .start();
            context.getBean(EmbeddedServer.class).start();
            s3 = storageMayStart.thenApplyAsync(ignored -> {
                try {
                    return EmbeddedS3.start(data, s3Port, s3Secret);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            s3.whenComplete((started, failed) -> {
                if (failed == null) gate.future.complete(started);
                else gate.future.completeExceptionally(failed);
            });
            return new LocalRuntime(
                    settings,
                    s3.join(),
                    context,
                    URI.create("http://" + displayHost(settings.bind()) + ":" + port + "/"));
        } catch (RuntimeException | IOException e) {
            if (context != null && context.isRunning()) context.close();
            door.close();
            if (s3 != null) {
                s3.handle((started, failed) -> {
                    if (started != null) stopQuietly(started);
                    return null;
                });
            }
            throw e instanceof CompletionException && e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The address to open in a browser. */
    public URI url() {
        return url;
    }

    public LocalSettings settings() {
        return settings;
    }

    /** The running server's context, for tests that read what it is made of (its routes, its beans). */
    ApplicationContext context() {
        return context;
    }

    /**
     * Stops accepting requests, lets in-flight ones finish (up to {@value #GRACE_PERIOD}), closes the session
     * journal (every answered write is already forced to disk), then stops S3Proxy.
     */
    @Override
    public void close() {
        try {
            if (context.isRunning()) context.close();
        } finally {
            stopQuietly(s3);
            stopped.countDown();
        }
    }

    private static void stopQuietly(EmbeddedS3 s3) {
        try {
            s3.close();
        } catch (Exception e) {
            System.err.println("S3Proxy did not stop cleanly: " + e);
        }
    }

    void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> properties(
            LocalSettings s, Path data, int port, URI s3Endpoint, String s3Secret) {
        Map<String, Object> p = new HashMap<>();
        p.put("micronaut.server.port", port);
        p.put("micronaut.server.host", s.bind());
        // The listening socket is the front door's, already bound: Netty accepts on it (HandedOverSocketFactory).
        p.put("micronaut.server.netty.listeners.main.family", "TCP");
        p.put("micronaut.server.netty.listeners.main.host", s.bind());
        p.put("micronaut.server.netty.listeners.main.port", port);
        p.put("micronaut.server.netty.listeners.main.bind", false);
        // Presigned uploads stream through this server on their way to S3Proxy. The margin lets a body longer than
        // its link declares reach S3Proxy, so the signature refuses it with S3's 403 rather than this server's 413.
        p.put("micronaut.server.max-request-size", s.maxUploadBytes() + MB);
        // The controllers block (journal writes forced to disk, S3 calls, analyses): off the Netty event loops,
        // which then only move bytes, so one slow request does not stall the others sharing its loop. On platform
        // threads (IO), not virtual ones (BLOCKING on a JDK 21+): an analysis holds its virtual thread's carrier
        // until it blocks, and with one carrier per core a few analyses stalled every other request; the kernel
        // shares the cores among platform threads instead, and ComputeQueue bounds the computing requests.
        p.put("micronaut.server.thread-selection", "IO");
        p.put("micronaut.http.client.max-content-length", Integer.MAX_VALUE);
        p.put("micronaut.http.client.read-timeout", "120s");
        // S3Proxy answers a refused upload before reading its body; a fresh connection per request keeps such a
        // half-read connection from being handed to the next request.
        p.put("micronaut.http.client.pool.enabled", false);
        p.put("micronaut.lifecycle.graceful-shutdown.enabled", true);
        p.put("micronaut.lifecycle.graceful-shutdown.grace-period", GRACE_PERIOD);
        p.put(LocalStorageFactory.EMBEDDED_PROPERTY, "embedded");
        p.put(
                LocalStorageFactory.SESSIONS_DIR_PROPERTY,
                data.resolve("sessions").toString());
        p.put(LocalStorageFactory.PUBLIC_HOST_PROPERTY, displayHost(s.bind()) + ":" + port);
        p.put("signal.storage.bucket", EmbeddedS3.BUCKET);
        p.put("signal.storage.s3-endpoint", s3Endpoint.toString());
        p.put("signal.storage.region", "us-east-1");
        p.put("signal.storage.access-key", EmbeddedS3.ACCESS_KEY);
        p.put("signal.storage.secret-key", s3Secret);
        p.put("signal.sessions.lifetime", s.sessionLifetime().toSeconds() + "s");
        p.put("signal.uploads.max-bytes", s.maxUploadBytes());
        p.put("signal.local.cleanup-interval", s.cleanupInterval().toSeconds() + "s");
        p.put("signal.jobs.runner", "threads");
        p.put("signal.jobs.threads", s.jobThreads());
        p.put("signal.access-code", s.accessCode());
        p.putAll(s.limits().asProperties());
        // SnapStart priming only matters to a Lambda snapshot; here it would only slow the start.
        p.put("signal.priming.enabled", false);
        return p;
    }

    /** S3Proxy and its Jetty log their whole set-up at INFO before Micronaut's logging settings apply. */
    private static void quietS3ProxyStartup() {
        if (LoggerFactory.getLogger("org.gaul") instanceof Logger logger && logger.getLevel() == null) {
            logger.setLevel(Level.WARN);
        }
    }

    /** What to type in a browser: a wildcard bind is reachable as localhost on this machine. */
    private static String displayHost(String bind) {
        return bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("127.0.0.1") ? "localhost" : bind;
    }

    private static int freePort(String bind) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(bind), 0));
            return socket.getLocalPort();
        }
    }

    private static String explain(Throwable e, LocalSettings settings) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return "port " + settings.port() + " on " + settings.bind() + " is taken (is Signal Analyzer already "
                        + "running?). Stop the other program, or start with --port N.";
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return e.getMessage() + (root != e ? " (" + root.getMessage() + ")" : "");
    }
}
