package org.signalanalyzer.dsp.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Column means, extremes and index spans of a display curve, on a curve whose every column is known. */
class DisplayCurveTest {

    @Test
    void columnsCoverEverySampleOnceWithTheirMeanAndExtremes() {
        int n = 10_007;
        double fs = 100_000;
        double onset = 0.5;
        double[] y = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = onset - 0.001 + i / fs;
            y[i] = (i % 2 == 0 ? 1500 : -1500) + 0.01 * i; // ±1.5 nA noise on a slow ramp
        }
        DisplayCurve d = DisplayCurve.of("purpleDepol", "pA", DisplayCurve.STEP_ONSET, onset, y, t, 1000);
        assertTrue(d.decimated());
        assertEquals(1000, d.mean().length);
        assertEquals(n, d.sampleCount());
        int next = 0;
        for (int c = 0; c < 1000; c++) {
            assertEquals(next, d.firstIndex()[c]);
            int a = d.firstIndex()[c];
            int b = d.lastIndex()[c];
            next = b + 1;
            double sum = 0;
            for (int i = a; i <= b; i++) sum += y[i];
            assertEquals(sum / (b - a + 1), d.mean()[c], 1e-9);
            assertTrue(d.max()[c] - d.min()[c] >= 2999, "the band spans the noise");
            assertEquals(((t[a] + t[b]) / 2 - onset) * 1000, d.timeMs()[c], 1e-9, "ms from the onset");
        }
        assertEquals(n, next);
        // The means are readable: within the noise's own cancellation of the ramp, not ±1500 pA.
        for (int c = 0; c < 1000; c++)
            assertEquals(0.01 * (d.firstIndex()[c] + d.lastIndex()[c]) / 2, d.mean()[c], 300.1);
        assertEquals(-1.0, d.timeMs()[0], 0.05, "the curve starts 1 ms before the onset (a column is 0.1 ms)");
    }

    @Test
    void aShortCurveIsItsOwnPoints() {
        double[] y = {1, 2, 3};
        double[] t = {0.1, 0.2, 0.3};
        DisplayCurve d = DisplayCurve.of("purpleHyperpol", "pA", DisplayCurve.FIRST_POINT, 0.1, y, t, 1500);
        assertFalse(d.decimated());
        assertArrayEquals(y, d.mean());
        assertArrayEquals(y, d.min());
        assertArrayEquals(new double[] {0, 100, 200}, d.timeMs(), 1e-9);
    }
}
