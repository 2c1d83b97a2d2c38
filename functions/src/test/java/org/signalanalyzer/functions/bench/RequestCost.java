package org.signalanalyzer.functions.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.ApiHarness.Response;
import org.signalanalyzer.functions.support.SampleAnalysis;

/**
 * Benchmark (not a test): the Lambda-billed size of each request type of a typical session, for docs/cost.md.
 * Runs the real API handler in this JVM against S3Proxy and dynalite on {@code 202304_0521.atf}, times each
 * request type warm (after two unmeasured calls), and multiplies the median by the MemorySize template.yaml gives
 * the function that serves it: GB-seconds per request, the unit Lambda bills. Storage round trips here are to
 * loopback servers, so S3/DynamoDB latency on AWS (a few to a few tens of ms per call) comes on top; compute is
 * this machine's, shared. Run: {@code functions/bench/request-cost.sh [runs]}.
 */
public final class RequestCost {

    private RequestCost() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        byte[] bytes = BenchRecording.bytes();
        Map<String, Integer> memory = memorySizes(Files.readString(Path.of("..", "template.yaml")));
        ApiHarness.handler();
        String[] s = ApiHarness.newSession();
        String base = "/api/sessions/" + s[0];
        String fileId = BenchRecording.uploadAndComplete(s, bytes);
        String analysisId = call("POST", base + "/analyses", s[1], analysis(fileId), 201)
                .json()
                .get("analysisId")
                .asText();

        Map<String, Measured> rows = new LinkedHashMap<>();
        rows.put(
                "create session",
                measure(runs, "SessionsFunction", memory, () -> call("POST", "/api/sessions", null, null, 201)));
        rows.put(
                "upload ticket",
                measure(
                        runs,
                        "UploadsFunction",
                        memory,
                        () -> call(
                                "POST",
                                base + "/uploads",
                                s[1],
                                Map.of(
                                        "fileName",
                                        BenchRecording.FILE_NAME,
                                        "contentType",
                                        "application/octet-stream",
                                        "sizeBytes",
                                        bytes.length),
                                201)));
        rows.put("complete (parse 2.9 MB ATF)", measureEach(runs, "FilesFunction", memory, () -> {
            String id = BenchRecording.upload(s, bytes);
            return () -> call("POST", base + "/files/" + id + "/complete", s[1], null, 200);
        }));
        rows.put(
                "trace (1200 px)",
                measure(
                        runs,
                        "FilesFunction",
                        memory,
                        () -> call("GET", base + "/files/" + fileId + "/trace", s[1], null, 200)));
        rows.put(
                "filter preview (gui-default)",
                measure(
                        runs,
                        "FilterFunction",
                        memory,
                        () -> call(
                                "POST",
                                base + "/files/" + fileId + "/filter",
                                s[1],
                                Map.of("sweep", 0, "channel", 0, "chain", Map.of("preset", "gui-default")),
                                200)));
        rows.put(
                "analysis (desktop)",
                measure(
                        runs,
                        "ProcessFunction",
                        memory,
                        () -> call("POST", base + "/analyses", s[1], analysis(fileId), 201)));
        rows.put(
                "integrals",
                measure(
                        runs,
                        "IntegralsFunction",
                        memory,
                        () -> call(
                                "POST",
                                base + "/analyses/" + analysisId + "/integrals",
                                s[1],
                                Map.of("hyperpol", List.of(10, 60), "depol", List.of(10, 60)),
                                200)));
        rows.put(
                "export (full workbook)",
                measure(
                        runs,
                        "ExportFunction",
                        memory,
                        () -> call(
                                "POST",
                                base + "/exports",
                                s[1],
                                Map.of("analysisIds", List.of(analysisId), "layout", "full"),
                                200)));

        System.out.printf("%-30s %10s %8s %12s%n", "request", "median ms", "MB", "GB-s");
        for (var r : rows.entrySet()) {
            Measured m = r.getValue();
            System.out.printf("%-30s %10.1f %8d %12.6f%n", r.getKey(), m.medianMs, m.memoryMb, m.gbSeconds());
        }
        System.out.println("(" + runs + " warm runs each after 2 unmeasured; "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", load average "
                + String.format(
                        "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + ")");
        System.exit(0);
    }

    private record Measured(double medianMs, int memoryMb) {
        /** Lambda bills whole milliseconds of the configured memory. */
        double gbSeconds() {
            return Math.ceil(medianMs) / 1000.0 * memoryMb / 1024.0;
        }
    }

    private static Measured measure(int runs, String function, Map<String, Integer> memory, Runnable request) {
        return measureEach(runs, function, memory, () -> request);
    }

    /** {@code prepare} makes each request ready (unmeasured), then the request itself is timed. */
    private static Measured measureEach(
            int runs, String function, Map<String, Integer> memory, Supplier<Runnable> prepare) {
        for (int i = 0; i < 2; i++) prepare.get().run();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            Runnable request = prepare.get();
            long t0 = System.nanoTime();
            request.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        Integer mb = memory.get(function);
        if (mb == null) throw new IllegalStateException(function + " has no MemorySize in template.yaml");
        return new Measured(ms[runs / 2], mb);
    }

    /** MemorySize of every function in the template (a function without one has the Globals value). */
    static Map<String, Integer> memorySizes(String template) {
        Matcher global = Pattern.compile("(?m)^Globals:\\s*\\n(?:.*\\n)*?\\s{4}MemorySize: (\\d+)")
                .matcher(template);
        int fallback = global.find() ? Integer.parseInt(global.group(1)) : 128;
        Map<String, Integer> sizes = new LinkedHashMap<>();
        Matcher f = Pattern.compile("(?m)^  (\\w+):\\n    Type: AWS::Serverless::Function\\n")
                .matcher(template);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (f.find()) {
            starts.add(new int[] {f.end()});
            names.add(f.group(1));
        }
        for (int i = 0; i < names.size(); i++) {
            int from = starts.get(i)[0];
            Matcher next = Pattern.compile("(?m)^  \\w+:\\n").matcher(template);
            int to = next.find(from) ? next.start() : template.length();
            Matcher m = Pattern.compile("(?m)^      MemorySize: (\\d+)").matcher(template.substring(from, to));
            sizes.put(names.get(i), m.find() ? Integer.parseInt(m.group(1)) : fallback);
        }
        return sizes;
    }

    private static Map<String, Object> analysis(String fileId) {
        return SampleAnalysis.desktop(fileId, "raw");
    }

    private static Response call(String method, String path, String token, Object body, int status) {
        return BenchRecording.expect(ApiHarness.call(method, path, token, body), status);
    }
}
