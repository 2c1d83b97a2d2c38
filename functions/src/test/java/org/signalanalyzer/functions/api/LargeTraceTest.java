package org.signalanalyzer.functions.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalanalyzer.functions.support.ApiHarness.call;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.StoredTrace;

/**
 * A 10-million-sample trace plots through the API in under 1 MB (Lambda answers at most 6 MB). The parsed form is
 * stored through the same archive complete uses (a 10 M sample upload would be over the 50 MB limit as text).
 */
class LargeTraceTest {

    @Test
    void tenMillionSamplesPlotInUnderOneMegabyteWithTheSpikeKept() {
        String[] s = ApiHarness.newSession();
        int n = 10_000_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.sin(i * 1e-4) * 100;
        x[6_543_210] = 5000;
        String fileId = StoredTrace.store(s, "big.atf", x);

        var trace = call(
                "GET", "/api/sessions/" + s[0] + "/files/" + fileId + "/trace", s[1], null, Map.of("width", "1920"));
        assertEquals(200, trace.status());
        assertTrue(
                trace.body().length() < 1_000_000, "answer is " + trace.body().length() + " bytes");
        var json = trace.json();
        assertEquals(2 * 1920, json.get("values").size());
        assertEquals(n, json.get("sampleCount").asInt());
        boolean spike = false;
        for (var v : json.get("values")) spike |= v.asDouble() == 5000;
        assertTrue(spike, "the one-sample spike is drawn");
    }
}
