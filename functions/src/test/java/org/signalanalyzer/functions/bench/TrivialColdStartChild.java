package org.signalanalyzer.functions.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import org.signalanalyzer.functions.support.LambdaTestContext;

/** One fresh JVM of {@link ColdStart}'s peer: {@link TrivialFunction} built and answering once. Prints one JSON line. */
public final class TrivialColdStartChild {

    private TrivialColdStartChild() {}

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.nanoTime();
        TrivialFunction handler = new TrivialFunction();
        long t1 = System.nanoTime();
        String answer = handler.handleRequest(Map.of("ping", 1), new LambdaTestContext());
        long answeredAt = System.currentTimeMillis();
        if (!answer.contains("ok")) throw new IllegalStateException("unexpected answer: " + answer);
        double cpuMs = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
        System.out.printf(
                Locale.ROOT,
                "{\"handlerInitMs\":%.1f,\"jvmToFirstAnswerMs\":%d," + "\"cpuToFirstAnswerMs\":%.0f}%n",
                (t1 - t0) / 1e6,
                answeredAt - jvmStart,
                cpuMs);
        System.exit(0);
    }
}
