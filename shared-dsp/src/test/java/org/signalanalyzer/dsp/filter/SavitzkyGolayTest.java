package org.signalanalyzer.dsp.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Savitzky–Golay against SciPy {@code savgol_filter} (golden cases) and the polynomial property. */
class SavitzkyGolayTest {

    /** Max error relative to the output's range allowed against SciPy. */
    private static final double TOLERANCE = 1e-9;

    static List<GoldenCase> cases() throws IOException {
        return GoldenCase.all("savgol");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesScipy(GoldenCase c) {
        int deriv = c.params().get("deriv").asInt();
        SavitzkyGolay sg = new SavitzkyGolay(
                c.params().get("window").asInt(),
                c.params().get("polyorder").asInt(),
                deriv,
                deriv == 0 ? 1.0 : 1.0 / c.fsHz(),
                SavitzkyGolay.Mode.parse(c.params().get("mode").asText()),
                0.0);
        GoldenCase.assertRelativeError(c.name(), c.output(), sg.apply(c.input()), TOLERANCE);
    }

    /** Mode interp fits the edges too, so a polynomial of degree ≤ p comes back everywhere (to 1e-11 of its size). */
    @Test
    void reproducesPolynomialsUpToItsOrder() {
        Random rnd = new Random(3);
        for (int p = 0; p <= 5; p++) {
            for (int degree = 0; degree <= p; degree++) {
                double[] coef = new double[degree + 1];
                for (int i = 0; i <= degree; i++) coef[i] = rnd.nextGaussian();
                double[] x = new double[300];
                double scale = 0;
                for (int i = 0; i < x.length; i++) {
                    double t = (i - 150) / 150.0;
                    double v = 0;
                    for (int k = degree; k >= 0; k--) v = v * t + coef[k];
                    x[i] = v;
                    scale = Math.max(scale, Math.abs(v));
                }
                for (int window : new int[] {2 * p + 1, 2 * p + 7, 101}) {
                    double[] y = new SavitzkyGolay(window, p).apply(x);
                    for (int i = 0; i < x.length; i++) {
                        assertEquals(
                                x[i],
                                y[i],
                                1e-11 * scale,
                                "p=" + p + " degree=" + degree + " window=" + window + " i=" + i);
                    }
                }
            }
        }
    }

    @Test
    void keepsTheLengthInEveryMode() {
        double[] x = new Random(1).doubles(37).toArray();
        for (SavitzkyGolay.Mode m : SavitzkyGolay.Mode.values()) {
            assertEquals(37, new SavitzkyGolay(11, 2, 0, 1, m, 0).apply(x).length, m.key());
        }
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new SavitzkyGolay(10, 3));
        assertThrows(IllegalArgumentException.class, () -> new SavitzkyGolay(5, 5));
        assertThrows(IllegalArgumentException.class, () -> new SavitzkyGolay(51, 3).apply(new double[20]));
        IllegalArgumentException tooLong =
                assertThrows(IllegalArgumentException.class, () -> new SavitzkyGolay(SavitzkyGolay.MAX_WINDOW + 2, 3));
        assertTrue(tooLong.getMessage().contains("at most " + SavitzkyGolay.MAX_WINDOW), tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SavitzkyGolay(Integer.MAX_VALUE, 3));
        assertThrows(IllegalArgumentException.class, () -> new SavitzkyGolay(101, SavitzkyGolay.MAX_POLYORDER + 1));
    }

    /**
     * The longest window on a desktop-length trace: the edges come from one polynomial fit per end (linear memory),
     * and still reproduce a cubic everywhere (to 1e-9 of its size), its first derivative too.
     */
    @Test
    void theLongestWindowReproducesACubicOnALongTrace() {
        int n = 220_000;
        double[] x = new double[n];
        double[] dx = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (i - n / 2.0) / n;
            x[i] = 3 + t - 2 * t * t + 5 * t * t * t;
            dx[i] = (1 - 4 * t + 15 * t * t) / n;
        }
        double[] y = new SavitzkyGolay(SavitzkyGolay.MAX_WINDOW, 3).apply(x);
        double[] dy = new SavitzkyGolay(SavitzkyGolay.MAX_WINDOW, 3, 1, 1.0, SavitzkyGolay.Mode.INTERP, 0).apply(x);
        for (int i = 0; i < n; i++) {
            assertEquals(x[i], y[i], 1e-9 * 4, "i=" + i);
            assertEquals(dx[i], dy[i], 1e-9 * 20.0 / n, "derivative, i=" + i);
        }
    }
}
