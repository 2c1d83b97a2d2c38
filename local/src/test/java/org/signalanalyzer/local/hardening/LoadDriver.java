package org.signalanalyzer.local.hardening;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.signalanalyzer.functions.support.SampleAnalysis;
import org.signalanalyzer.local.LocalClient;

/**
 * N browser sessions at once against a running local runtime, each doing what a user does: create a session,
 * ask for an upload ticket, PUT the recording to the presigned URL, complete it, plot it, analyse it, recompute
 * integrals. Every request is timed; anything but the expected status is an error.
 */
final class LoadDriver {

    /**
     * {@code cpuS}: CPU time of this whole process over the run, the runtime and the driving clients together (they
     * share the JVM and the cores).
     */
    record Result(
            int sessions,
            int requests,
            List<String> errors,
            double wallS,
            double cpuS,
            double kernelS,
            Map<String, List<Long>> nanosByStep) {

        long percentileMs(List<Long> nanos, double p) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            int i = (int) Math.ceil(p * sorted.size()) - 1;
            return Math.round(sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6);
        }

        String report(String label) {
            List<Long> all = new ArrayList<>();
            nanosByStep.values().forEach(all::addAll);
            StringBuilder s = new StringBuilder(String.format(
                    Locale.ROOT,
                    "%s: %d sessions, %d requests, %d errors in %.2f s: %.1f requests/s, %.2f sessions/s; "
                            + "latency p50 %d ms, p99 %d ms%n",
                    label,
                    sessions,
                    requests,
                    errors.size(),
                    wallS,
                    requests / wallS,
                    sessions / wallS,
                    percentileMs(all, 0.5),
                    percentileMs(all, 0.99)));
            s.append(String.format(
                    Locale.ROOT,
                    "  process CPU %.1f s over the run (%.0f ms per session, %.0f%% of it in the kernel; server and "
                            + "clients in one JVM on %d cores)%n",
                    cpuS,
                    cpuS * 1000 / sessions,
                    kernelS < 0 ? Double.NaN : 100 * kernelS / cpuS,
                    Runtime.getRuntime().availableProcessors()));
            nanosByStep.forEach((step, nanos) -> s.append(String.format(
                    Locale.ROOT,
                    "  %-10s n=%-4d p50 %6d ms  p99 %6d ms%n",
                    step,
                    nanos.size(),
                    percentileMs(nanos, 0.5),
                    percentileMs(nanos, 0.99))));
            return s.toString();
        }
    }

    private static final OperatingSystemMXBean CPU =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final LocalClient client;
    private final byte[] recording;
    private final String fileName;
    /** Process CPU spent during each request, by step: a request's own cost only when sessions run one at a time. */
    private final Map<String, List<Long>> cpuNanosByStep = new ConcurrentHashMap<>();

    LoadDriver(URI base, byte[] recording, String fileName) {
        this.client = new LocalClient(base);
        this.recording = recording;
        this.fileName = fileName;
    }

    Result run(int sessions, long timeoutS) throws InterruptedException {
        Map<String, List<Long>> nanos = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger requests = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(sessions);
        for (int i = 0; i < sessions; i++) {
            int n = i;
            pool.execute(() -> {
                try {
                    start.await();
                    oneSession(n, nanos, errors, requests);
                } catch (Exception e) {
                    errors.add("session " + n + ": " + e);
                } finally {
                    done.countDown();
                }
            });
        }
        long cpu0 = CPU.getProcessCpuTime();
        double kernel0 = kernelSeconds();
        long t0 = System.nanoTime();
        start.countDown();
        boolean finished = done.await(timeoutS, TimeUnit.SECONDS);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (CPU.getProcessCpuTime() - cpu0) / 1e9;
        double kernel = kernel0 < 0 ? -1 : kernelSeconds() - kernel0;
        pool.shutdownNow();
        if (!finished)
            errors.add("not finished within " + timeoutS + " s: " + done.getCount() + " session(s) still busy");
        return new Result(sessions, requests.get(), List.copyOf(errors), wall, cpu, kernel, new TreeMap<>(nanos));
    }

    /**
     * What each step costs: {@code sessions} sessions one after the other, the process's CPU time during each request
     * averaged per step (client and server together; the JVM's clock ticks are 10 ms, hence the average over many).
     * It is what the concurrent run's arithmetic rests on: N sessions at once need N times the sum on the cores.
     */
    String stepCosts(int sessions, long timeoutS) throws InterruptedException {
        cpuNanosByStep.clear();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < sessions; i++) errors.addAll(run(1, timeoutS).errors());
        if (!errors.isEmpty()) throw new IllegalStateException(String.join("\n", errors));
        StringBuilder s = new StringBuilder(
                String.format(Locale.ROOT, "  CPU per step, one session at a time (mean of %d sessions):%n", sessions));
        double total = 0;
        for (var e : new TreeMap<>(cpuNanosByStep).entrySet()) {
            double ms =
                    e.getValue().stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
            total += ms;
            s.append(String.format(Locale.ROOT, "  cost %-10s %6.1f ms%n", e.getKey(), ms));
        }
        s.append(String.format(Locale.ROOT, "  cost %-10s %6.1f ms%n", "sum", total));
        return s.toString();
    }

    /**
     * The process's CPU time in the kernel so far (socket and file copies, which a Java profiler does not sample), from
     * Linux's /proc/self/stat at the usual 100 ticks a second; -1 where that is not there.
     */
    private static double kernelSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[12]) / 100.0; // stime, the 15th field; the split starts at the 3rd
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void oneSession(
            int n, Map<String, List<Long>> nanos, ConcurrentLinkedQueue<String> errors, AtomicInteger requests) {
        LocalClient.Answer created =
                timed("session", nanos, requests, () -> client.call("POST", "/api/sessions", (String) null, null));
        if (!expect(n, "session", created, 201, errors)) return;
        String sid = created.json().get("sessionId").asText();
        String token = created.json().get("token").asText();
        String base = "/api/sessions/" + sid;
        LocalClient.Answer ticket = timed(
                "ticket",
                nanos,
                requests,
                () -> client.call(
                        "POST",
                        base + "/uploads",
                        token,
                        Map.of(
                                "fileName",
                                fileName,
                                "contentType",
                                "application/octet-stream",
                                "sizeBytes",
                                recording.length)));
        if (!expect(n, "ticket", ticket, 201, errors)) return;
        String fileId = ticket.json().get("fileId").asText();
        String url = ticket.json().get("uploadUrl").asText();
        long t = System.nanoTime();
        long cpu = CPU.getProcessCpuTime();
        int put = LocalClient.putStatus(url, "application/octet-stream", recording);
        record(nanos, "upload", t, cpu, requests);
        if (put != 200) {
            errors.add("session " + n + " upload: " + put);
            return;
        }
        if (!expect(
                n,
                "complete",
                timed(
                        "complete",
                        nanos,
                        requests,
                        () -> client.call("POST", base + "/files/" + fileId + "/complete", token, null)),
                200,
                errors)) return;
        if (!expect(
                n,
                "trace",
                timed(
                        "trace",
                        nanos,
                        requests,
                        () -> client.call("GET", base + "/files/" + fileId + "/trace?width=1200", token, null)),
                200,
                errors)) {
            return;
        }
        LocalClient.Answer analysis = timed(
                "process",
                nanos,
                requests,
                () -> client.call(
                        "POST",
                        base + "/analyses",
                        token,
                        Map.of(
                                "fileId",
                                fileId,
                                "mode",
                                "desktop",
                                "chain",
                                Map.of("preset", "batch"),
                                "startingPoint",
                                "auto",
                                "params",
                                SampleAnalysis.PROTOCOL)));
        if (!expect(n, "process", analysis, 201, errors)) return;
        String analysisId = analysis.member("analysisId");
        expect(
                n,
                "integrals",
                timed(
                        "integrals",
                        nanos,
                        requests,
                        () -> client.call(
                                "POST",
                                base + "/analyses/" + analysisId + "/integrals",
                                token,
                                Map.of("hyperpol", List.of(10, 150), "depol", List.of(5, 120)))),
                200,
                errors);
    }

    private LocalClient.Answer timed(
            String step, Map<String, List<Long>> nanos, AtomicInteger requests, Supplier<LocalClient.Answer> call) {
        long t = System.nanoTime();
        long cpu = CPU.getProcessCpuTime();
        LocalClient.Answer a = call.get();
        record(nanos, step, t, cpu, requests);
        return a;
    }

    private void record(Map<String, List<Long>> nanos, String step, long t0, long cpu0, AtomicInteger requests) {
        nanos.computeIfAbsent(step, k -> Collections.synchronizedList(new ArrayList<>()))
                .add(System.nanoTime() - t0);
        cpuNanosByStep
                .computeIfAbsent(step, k -> Collections.synchronizedList(new ArrayList<>()))
                .add(CPU.getProcessCpuTime() - cpu0);
        requests.incrementAndGet();
    }

    private static boolean expect(
            int n, String step, LocalClient.Answer a, int status, ConcurrentLinkedQueue<String> errors) {
        if (a.status() == status) return true;
        errors.add("session " + n + " " + step + ": " + a);
        return false;
    }
}
