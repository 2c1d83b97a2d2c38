package org.signalanalyzer.functions.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.Dynalite;
import org.signalanalyzer.functions.support.S3ProxyServer;

/**
 * Benchmark (not a test): cold start of the process call, as a Lambda container sees it, and warm latencies.
 * This JVM starts S3Proxy and dynalite and uploads {@code 202304_0521.atf} through the API; then each of
 * {@code runs} fresh child JVMs ({@link ColdStartChild}) builds the Lambda handler and answers its first process
 * request, then measures warm process and integrals; in turn with each, a fresh JVM of the peer
 * ({@link TrivialColdStartChild}: a Micronaut function that does nothing) answers once. Run:
 * {@code functions/bench/cold-start.sh [runs]} ({@code COLD_START_JAVA_OPTS} adds JVM options to both).
 */
public final class ColdStart {

    private ColdStart() { }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path atf = Path.of("..", "..", "shared", "data", "desktop", "202304_0521.atf");
        if (!Files.exists(atf)) atf = Path.of("..", "shared", "data", "desktop", "202304_0521.atf");
        byte[] bytes = Files.readAllBytes(atf);
        ApiHarness.configureStorage();
        String[] s = ApiHarness.newSession();
        ObjectMapper json = new ObjectMapper();
        var ticket = ApiHarness.call("POST", "/api/sessions/" + s[0] + "/uploads", s[1],
                Map.of("fileName", "202304_0521.atf", "contentType", "application/octet-stream", "sizeBytes",
                        bytes.length)).json();
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ticket.get("uploadUrl").asText()))
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build(), HttpResponse.BodyHandlers.discarding());
        String fileId = ticket.get("fileId").asText();
        ApiHarness.call("POST", "/api/sessions/" + s[0] + "/files/" + fileId + "/complete", s[1], null);

        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // JVM options for both kinds of child, as Lambda's JAVA_TOOL_OPTIONS would give them (e.g. tiered settings).
        List<String> jvmOptions = System.getenv().getOrDefault("COLD_START_JAVA_OPTS", "").isBlank() ? List.of()
                : List.of(System.getenv("COLD_START_JAVA_OPTS").trim().split("\\s+"));
        List<String> command = new ArrayList<>(List.of(javaCommand));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        // The peer: the same libraries without this project's classes (its beans, the science).
        String peerClassPath = String.join(java.io.File.pathSeparator, java.util.Arrays.stream(System.getProperty(
                "java.class.path").split(java.io.File.pathSeparator)).filter(e -> !e.replace('\\', '/')
                .endsWith("target/classes")).toList());
        List<String> peer = new ArrayList<>(List.of(javaCommand));
        peer.addAll(jvmOptions);
        peer.addAll(List.of("-cp", peerClassPath, TrivialColdStartChild.class.getName()));
        for (String p : List.of("bucket", "table", "s3-endpoint", "dynamodb-endpoint", "region", "access-key",
                "secret-key")) {
            command.add("-Dsignal.storage." + p + "=" + System.getProperty("signal.storage." + p));
        }
        command.addAll(List.of(ColdStartChild.class.getName(), s[0], s[1], fileId));
        List<JsonNode> results = new ArrayList<>();
        List<JsonNode> peers = new ArrayList<>();
        // Ours and the peer take turns, so both see the same load on a shared machine.
        for (int i = 0; i < runs; i++) {
            String last = lastJsonLine(command);
            results.add(json.readTree(last));
            System.out.println("run " + (i + 1) + ": " + last);
            String trivial = lastJsonLine(peer);
            peers.add(json.readTree(trivial));
            System.out.println("peer " + (i + 1) + ": " + trivial);
        }
        for (String field : List.of("jvmToMainMs", "handlerInitMs", "firstProcessMs", "jvmToFirstProcessMs",
                "cpuToFirstProcessMs", "warmProcessMedianMs", "warmIntegralsMedianMs", "warmIntegralsCpuMs")) {
            summary(field, results, field);
        }
        summary("jvmToFirstAnswerMs", peers, "trivialJvmToFirstAnswerMs");
        summary("cpuToFirstAnswerMs", peers, "trivialCpuToFirstAnswerMs");
        System.out.println("(" + runs + " fresh JVMs, " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.version") + "; dynalite " + Dynalite.get().endpoint() + ", S3Proxy "
                + S3ProxyServer.get().endpoint() + "; load average " + String.format("%.1f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()) + ")");
        System.exit(0);
    }

    private static String lastJsonLine(List<String> command) throws Exception {
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(child.getInputStream().readAllBytes());
        if (child.waitFor() != 0) throw new IllegalStateException("child failed: " + out);
        return out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
    }

    private static void summary(String field, List<JsonNode> results, String label) {
        double[] v = results.stream().mapToDouble(r -> r.get(field).asDouble()).sorted().toArray();
        System.out.printf("%-26s median %8.1f  min %8.1f  max %8.1f%n", label, v[v.length / 2], v[0], v[v.length - 1]);
    }
}
