package org.signalanalyzer.functions.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.StoredTrace;

/**
 * The plot payload of a 10 M-sample trace through the Lambda API at the widths a screen asks for, raw and gzip:
 * every answer under 1 MB (Lambda's limit is 6 MB). Prints the sizes for bench/run.sh. The recording is stored
 * through the archive complete uses: as text, 10 M samples are over the upload limit.
 */
class PlotPayloadTest {

    @Test
    void tenMillionSamplesPlotInUnderOneMegabyteAtEveryScreenWidth() throws Exception {
        String[] s = ApiHarness.newSession();
        int n = 10_000_000;
        double[] x = new double[n];
        Random noise = new Random(3);
        for (int i = 0; i < n; i++) x[i] = Math.sin(i * 1e-4) * 100 + noise.nextGaussian();
        String fileId = StoredTrace.store(s, "ten-million.atf", x);
        for (int width : new int[] {1200, 1920, 3840}) {
            var trace = ApiHarness.call(
                    "GET",
                    "/api/sessions/" + s[0] + "/files/" + fileId + "/trace",
                    s[1],
                    null,
                    Map.of("width", Integer.toString(width)));
            assertEquals(200, trace.status(), trace.toString());
            int raw = trace.body().getBytes(StandardCharsets.UTF_8).length;
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write(trace.body().getBytes(StandardCharsets.UTF_8));
            }
            System.out.printf(
                    "plot payload: 10000000 samples, width %d: %d bytes (gzip %d bytes), %d points%n",
                    width, raw, zipped.size(), trace.json().get("values").size());
            assertTrue(raw < 1_000_000, "width " + width + ": " + raw + " bytes");
        }
    }
}
