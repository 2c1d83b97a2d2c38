package org.signalanalyzer.functions.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * moto's server (python, the machine's interpreter) on a free loopback port, with IAM enforcement available and
 * every request recorded to a file, for the least-privilege test. The machine kind ships moto and the SAM
 * translator in its Python: where they are missing the test is skipped with a message, except on CI, where a
 * missing tool fails instead of passing silently.
 */
public final class MotoServer implements AutoCloseable {

    private static final String PYTHON = "python3";

    private final Process process;
    private final URI endpoint;
    private final Path recording;

    private MotoServer(Process process, URI endpoint, Path recording) {
        this.process = process;
        this.endpoint = endpoint;
        this.recording = recording;
    }

    /** Skips the calling test (or fails it on CI) unless python3 can import every given module. */
    public static void requirePython(String... modules) {
        String problem = pythonProblem(modules);
        if (problem == null) return;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true and " + problem + ": the machine kind provides them, so this is a"
                    + " broken machine, not a reason to skip");
        }
        String skipped = problem + ": least-privilege test skipped (pip install moto[server] aws-sam-translator)";
        // A class-level assumption shows in Maven's summary only as "Tests run: 0"; say why where it is read.
        System.err.println("SKIPPED " + skipped);
        assumeTrue(false, skipped);
    }

    private static String pythonProblem(String... modules) {
        List<String> command = List.of(PYTHON, "-c", "import " + String.join(", ", modules));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return PYTHON + " did not answer within 60 s";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            out = out.substring(out.lastIndexOf('\n') + 1); // the error line, not the whole traceback
            return p.exitValue() == 0
                    ? null
                    : PYTHON + " cannot import " + String.join(", ", modules) + " (" + out + ")";
        } catch (IOException e) {
            return PYTHON + " is not on PATH (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Starts moto with IAM checks deferred (INITIAL_NO_AUTH_ACTION_COUNT high, so the test can create its bucket,
     * table and users); the setup then switches enforcement on for every later request.
     */
    public static MotoServer start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path recording = Files.createTempFile("moto-requests", ".jsonl");
        // moto_server with its query-signature fix (the script says why).
        Path launcher = Path.of("src", "test", "resources", "iam", "moto_iam_server.py");
        ProcessBuilder builder = new ProcessBuilder(
                        PYTHON, launcher.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("INITIAL_NO_AUTH_ACTION_COUNT", "1000000");
        builder.environment().put("MOTO_ENABLE_RECORDING", "true");
        builder.environment().put("MOTO_RECORDER_FILEPATH", recording.toString());
        // No stray credentials or endpoints of the machine leak into moto's own boto3 use.
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        Process process = builder.start();
        MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), recording);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                if (server.status("GET", "/moto-api/data.json", null) == 200) return server;
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive()) {
                server.close();
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + " on port " + port);
            }
            if (System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("moto_server did not answer on port " + port + " within 60 s");
            }
            Thread.sleep(100);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** One JSON object per request moto received (headers, method, url, body), in order. */
    public List<String> recordedRequests() throws IOException {
        return Files.exists(recording) ? Files.readAllLines(recording) : new ArrayList<>();
    }

    /**
     * Runs the given action with IAM enforcement off. moto 5.2 cannot authorize a presigned (query-signed) request
     * in its IAM mode (it answers 500), so the test checks the signer's rights with a header-signed twin of the
     * request and sends the presigned one itself through this window.
     */
    public <T> T withoutIam(Callable<T> action) throws Exception {
        setNoAuthCount("inf");
        try {
            return action.call();
        } finally {
            setNoAuthCount("0");
        }
    }

    private void setNoAuthCount(String count) throws IOException {
        int status = status("POST", "/moto-api/reset-auth", count);
        if (status != 200) throw new IllegalStateException("moto reset-auth answered " + status);
    }

    private int status(String method, String path, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) endpoint.resolve(path).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(2000);
        c.setReadTimeout(10000);
        if (body != null) {
            c.setDoOutput(true);
            // moto reads the raw body, which a form content type (the default) would hide from it.
            c.setRequestProperty("Content-Type", "text/plain");
            c.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        }
        try {
            int status = c.getResponseCode();
            (status < 400 ? c.getInputStream() : c.getErrorStream()).readAllBytes();
            return status;
        } finally {
            c.disconnect();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS))
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(recording);
        } catch (IOException ignored) {
            // a temp file; the OS cleans it
        }
    }

    /** Runs a python script with arguments; its stdout, or an error with its stderr. */
    public static String python(Path script, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
        command.addAll(args);
        Path err = Files.createTempFile("python-stderr", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(script.getFileName() + " did not finish within 120 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(
                        script.getFileName() + " failed (" + p.exitValue() + "): " + Files.readString(err));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
