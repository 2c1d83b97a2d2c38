package org.signalanalyzer.functions.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.Dynalite;
import org.signalanalyzer.functions.support.S3ProxyServer;

/**
 * Benchmark (not a test): cold start of the process call, as a Lambda container sees it, and warm latencies.
 * This JVM starts S3Proxy and dynalite and uploads {@code 202304_0521.atf} through the API; then each of
 * {@code runs} fresh child JVMs ({@link ColdStartChild}, on the Lambda jar) builds the Lambda handler and answers
 * its first process request, then measures warm process and integrals; in turn with each, a fresh JVM of the peer
 * ({@link TrivialColdStartChild}: a Micronaut function that does nothing) answers once. Run:
 * {@code functions/bench/cold-start.sh [runs]} ({@code COLD_START_JAVA_OPTS} sets the JVM options of both,
 * {@code COLD_START_AOT_CACHE=1} gives each a JDK AOT cache trained on itself, {@code both} measures without,
 * then with).
 */
public final class ColdStart {

    private ColdStart() {}

    public static void main(String[] args) {
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 5);
        } catch (Exception | Error e) {
            e.printStackTrace();
            // S3Proxy's and dynalite's threads would keep this JVM waiting for ever.
            System.exit(1);
        }
    }

    private static void run(int runs) throws Exception {
        ApiHarness.configureStorage();
        String[] s = ApiHarness.newSession();
        String fileId = BenchRecording.uploadAndComplete(s, BenchRecording.bytes());
        ObjectMapper json = new ObjectMapper();

        String javaCommand =
                Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // JVM options for both kinds of child, as Lambda's JAVA_TOOL_OPTIONS would give them (e.g. tiered settings).
        List<String> jvmOptions =
                System.getenv().getOrDefault("COLD_START_JAVA_OPTS", "").isBlank()
                        ? List.of()
                        : List.of(System.getenv("COLD_START_JAVA_OPTS").trim().split("\\s+"));
        List<String> storage = new ArrayList<>();
        for (String p :
                List.of("bucket", "table", "s3-endpoint", "dynamodb-endpoint", "region", "access-key", "secret-key")) {
            storage.add("-Dsignal.storage." + p + "=" + System.getProperty("signal.storage." + p));
        }
        // Ours: the Lambda jar as built for template.yaml. The peer: the same libraries without this project's
        // classes (its beans, the science). Both on jars only, as Lambda's class path and a JDK AOT cache have it.
        Child ours = new Child(
                "ours",
                javaCommand,
                jvmOptions,
                storage,
                System.getProperty("coldstart.ours.classpath"),
                List.of(ColdStartChild.class.getName(), s[0], s[1], fileId));
        Child peer = new Child(
                "peer",
                javaCommand,
                jvmOptions,
                List.of(),
                System.getProperty("coldstart.peer.classpath"),
                List.of(TrivialColdStartChild.class.getName()));
        String cacheMode = System.getenv().getOrDefault("COLD_START_AOT_CACHE", "0");
        if (!"1".equals(cacheMode)) measure(runs, ours, peer, "", json);
        if ("1".equals(cacheMode) || "both".equals(cacheMode)) {
            measure(runs, ours.trained(), peer.trained(), "cached.", json);
        }
        System.out.println("(" + runs + " fresh JVMs, " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.version") + "; dynalite "
                + Dynalite.get().endpoint() + ", S3Proxy "
                + S3ProxyServer.get().endpoint() + "; load average "
                + String.format(
                        "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + ")");
        System.exit(0);
    }

    /** {@code runs} turns of ours and the peer, and their medians, each label prefixed with {@code label}. */
    private static void measure(int runs, Child ours, Child peer, String label, ObjectMapper json) throws Exception {
        List<JsonNode> results = new ArrayList<>();
        List<JsonNode> peers = new ArrayList<>();
        // Ours and the peer take turns, so both see the same load on a shared machine.
        for (int i = 0; i < runs; i++) {
            String last = lastJsonLine(ours.command());
            results.add(json.readTree(last));
            System.out.println(label + "run " + (i + 1) + ": " + last);
            String trivial = lastJsonLine(peer.command());
            peers.add(json.readTree(trivial));
            System.out.println(label + "peer " + (i + 1) + ": " + trivial);
        }
        for (String field : List.of(
                "jvmToMainMs",
                "handlerInitMs",
                "firstProcessMs",
                "jvmToFirstProcessMs",
                "cpuToFirstProcessMs",
                "warmProcessMedianMs",
                "warmIntegralsMedianMs",
                "warmIntegralsCpuMs")) {
            summary(field, results, label + field);
        }
        summary("handlerInitMs", peers, label + "trivialHandlerInitMs");
        summary("jvmToFirstAnswerMs", peers, label + "trivialJvmToFirstAnswerMs");
        summary("cpuToFirstAnswerMs", peers, label + "trivialCpuToFirstAnswerMs");
    }

    /** One kind of child JVM: its command line, with or without a JDK AOT cache of its own. */
    private record Child(
            String name,
            String java,
            List<String> jvmOptions,
            List<String> properties,
            String classPath,
            List<String> mainAndArgs) {

        List<String> command() {
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(jvmOptions);
            command.addAll(properties);
            command.addAll(List.of("-cp", classPath));
            command.addAll(mainAndArgs);
            return command;
        }

        /**
         * The same child starting from a JDK AOT cache (JEP 483/514) trained by one run of itself (not counted):
         * its classes come loaded and linked, as a class-data archive shipped beside the jar would give them.
         */
        Child trained() throws Exception {
            Path cache = Path.of("target", "cold-start-" + name + ".aot").toAbsolutePath();
            Files.deleteIfExists(cache);
            List<String> training = new ArrayList<>(jvmOptions);
            training.add("-XX:AOTCacheOutput=" + cache);
            System.out.println(name + " training: "
                    + lastJsonLine(new Child(name, java, training, properties, classPath, mainAndArgs).command()));
            if (!Files.exists(cache)) throw new IllegalStateException("no AOT cache written for " + name);
            List<String> using = new ArrayList<>(jvmOptions);
            using.add("-XX:AOTCache=" + cache);
            return new Child(name, java, using, properties, classPath, mainAndArgs);
        }
    }

    private static String lastJsonLine(List<String> command) throws Exception {
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes());
        if (child.waitFor() != 0) {
            List<String> lines = out.lines().toList();
            throw new IllegalStateException("child failed: "
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
        }
        return out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
    }

    private static void summary(String field, List<JsonNode> results, String label) {
        double[] v = results.stream()
                .mapToDouble(r -> r.get(field).asDouble())
                .sorted()
                .toArray();
        System.out.printf("%-33s median %8.1f  min %8.1f  max %8.1f%n", label, v[v.length / 2], v[0], v[v.length - 1]);
    }
}
