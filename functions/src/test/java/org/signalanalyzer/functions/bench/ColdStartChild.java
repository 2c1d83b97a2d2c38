package org.signalanalyzer.functions.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.signalanalyzer.functions.ApiGatewayFunction;
import org.signalanalyzer.functions.support.LambdaTestContext;

/**
 * One fresh JVM of {@link ColdStart}: Lambda handler construction, the first process request, then warm process
 * (10 calls) and integrals (100 calls after 200 warm-up calls) latencies. Prints one JSON line of milliseconds.
 */
public final class ColdStartChild {

    private ColdStartChild() {}

    public static void main(String[] args) {
        long mainAt = System.currentTimeMillis();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        String sid = args[0];
        String token = args[1];
        String fileId = args[2];
        long t0 = System.nanoTime();
        ApiGatewayFunction handler = new ApiGatewayFunction();
        long t1 = System.nanoTime();
        String process = "{\"fileId\":\"" + fileId + "\",\"mode\":\"desktop\",\"chain\":{\"preset\":\"batch\"},"
                + "\"startingPoint\":\"35\"}";
        APIGatewayProxyResponseEvent first =
                call(handler, "POST", "/api/sessions/" + sid + "/analyses", token, process);
        long t2 = System.nanoTime();
        long firstAnsweredAt = System.currentTimeMillis();
        double cpuToFirstProcessMs = cpuMs();
        if (first.getStatusCode() != 201) throw new IllegalStateException("process failed: " + first.getBody());
        String analysisId = first.getBody().replaceAll("(?s).*?\"analysisId\":\"([^\"]+)\".*", "$1");

        double[] warmProcess = new double[10];
        for (int i = 0; i < warmProcess.length; i++) {
            long a = System.nanoTime();
            call(handler, "POST", "/api/sessions/" + sid + "/analyses", token, process);
            warmProcess[i] = (System.nanoTime() - a) / 1e6;
        }
        String ranges = "{\"hyperpol\":[10,150],\"depol\":[5,120]}";
        for (int i = 0; i < 200; i++) {
            call(handler, "POST", "/api/sessions/" + sid + "/analyses/" + analysisId + "/integrals", token, ranges);
        }
        double[] warmIntegrals = new double[100];
        double cpuBeforeIntegrals = cpuMs();
        for (int i = 0; i < warmIntegrals.length; i++) {
            long a = System.nanoTime();
            APIGatewayProxyResponseEvent r = call(
                    handler, "POST", "/api/sessions/" + sid + "/analyses/" + analysisId + "/integrals", token, ranges);
            warmIntegrals[i] = (System.nanoTime() - a) / 1e6;
            if (r.getStatusCode() != 200) throw new IllegalStateException("integrals failed: " + r.getBody());
        }
        double integralsCpuMs = (cpuMs() - cpuBeforeIntegrals) / warmIntegrals.length;
        Arrays.sort(warmProcess);
        Arrays.sort(warmIntegrals);
        System.out.printf(
                Locale.ROOT,
                "{\"jvmToMainMs\":%d,\"handlerInitMs\":%.1f,\"firstProcessMs\":%.1f,"
                        + "\"jvmToFirstProcessMs\":%d,\"cpuToFirstProcessMs\":%.0f,\"warmProcessMedianMs\":%.1f,"
                        + "\"warmIntegralsMedianMs\":%.2f,\"warmIntegralsCpuMs\":%.2f}%n",
                mainAt - jvmStart,
                (t1 - t0) / 1e6,
                (t2 - t1) / 1e6,
                firstAnsweredAt - jvmStart,
                cpuToFirstProcessMs,
                warmProcess[warmProcess.length / 2],
                warmIntegrals[warmIntegrals.length / 2],
                integralsCpuMs);
        System.exit(0);
    }

    /**
     * CPU time of this process so far, all threads (JIT and GC included): on a shared machine it tells the work
     * done where the wall clock also counts waiting for a core.
     */
    private static double cpuMs() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
    }

    private static APIGatewayProxyResponseEvent call(
            ApiGatewayFunction handler, String method, String path, String token, String body) {
        Map<String, String> headers = Map.of(
                "Authorization", "Bearer " + token, "Content-Type", "application/json", "Accept", "application/json");
        return handler.handleRequest(
                new APIGatewayProxyRequestEvent()
                        .withHttpMethod(method)
                        .withPath(path)
                        .withHeaders(headers)
                        .withBody(body),
                new LambdaTestContext());
    }
}
