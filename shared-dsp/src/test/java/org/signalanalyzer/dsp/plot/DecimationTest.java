package org.signalanalyzer.dsp.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reference: a brute-force min and max of each pixel column's slice, computed here independently. */
class DecimationTest {

    @Test
    void shortTracesAreReturnedAsTheirSamples() {
        double[] x = {3, 1, 4, 1, 5};
        Envelope e = Decimation.envelope(x, 1, 5, 0.5, 0.1, 2);
        assertFalse(e.decimated());
        assertArrayEquals(new double[] {1, 4, 1, 5}, e.values());
        assertArrayEquals(new double[] {0.6, 0.7, 0.8, 0.9}, e.timesS(), 1e-12);
    }

    @Test
    void everyColumnKeepsItsExactMinimumAndMaximumInTimeOrder() {
        Random random = new Random(42);
        double[] x = new double[100_003];
        for (int i = 0; i < x.length; i++) x[i] = random.nextGaussian();
        int width = 640;
        Envelope e = Decimation.envelope(x, 0, x.length, 0, 1e-4, width);
        assertTrue(e.decimated());
        assertEquals(2 * width, e.pointCount());
        int n = x.length;
        for (int c = 0; c < width; c++) {
            int start = (int) ((long) c * n / width);
            int end = (int) ((long) (c + 1) * n / width);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = start; i < end; i++) {
                min = Math.min(min, x[i]);
                max = Math.max(max, x[i]);
            }
            double a = e.values()[2 * c];
            double b = e.values()[2 * c + 1];
            assertEquals(min, Math.min(a, b), 0.0, "column " + c);
            assertEquals(max, Math.max(a, b), 0.0, "column " + c);
        }
        for (int i = 1; i < e.pointCount(); i++) {
            assertTrue(e.timesS()[i] >= e.timesS()[i - 1], "times go forward at point " + i);
        }
    }

    @Test
    void aOneSampleSpikeInTenMillionSurvives() {
        double[] x = new double[10_000_000];
        x[7_654_321] = -250.0;
        Envelope e = Decimation.envelope(x, 0, x.length, 0, 2e-5, 1200);
        assertEquals(2400, e.pointCount());
        int found = -1;
        for (int i = 0; i < e.pointCount(); i++) if (e.values()[i] == -250.0) found = i;
        assertTrue(found >= 0, "the spike is in the envelope");
        assertEquals(7_654_321 * 2e-5, e.timesS()[found], 1e-9, "at the spike's own time");
    }

    @Test
    void windowSelectsTheSamplesInsideTheTimeRange() {
        // 1000 samples at 10 kHz from 0.5 s: [0.52, 0.53] s holds samples 200..300 inclusive.
        int[] w = Decimation.window(1000, 0.5, 1e-4, 0.52, 0.53);
        assertArrayEquals(new int[] {200, 301}, w);
        assertArrayEquals(new int[] {0, 1000}, Decimation.window(1000, 0.5, 1e-4, null, null));
        assertArrayEquals(new int[] {990, 1000}, Decimation.window(1000, 0.5, 1e-4, 0.599, 9.0));
        assertThrows(IllegalArgumentException.class, () -> Decimation.window(1000, 0.5, 1e-4, 2.0, 3.0));
    }

    @Test
    void refusesWidthsThatAreNotAScreen() {
        assertThrows(IllegalArgumentException.class, () -> Decimation.envelope(new double[10], 0, 10, 0, 1, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> Decimation.envelope(new double[10], 0, 10, 0, 1, Decimation.MAX_WIDTH + 1));
    }
}
