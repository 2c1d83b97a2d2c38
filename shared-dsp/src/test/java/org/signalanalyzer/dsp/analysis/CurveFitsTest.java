package org.signalanalyzer.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reference: the known parameters of synthetic lines and exponentials (0.5 ms points, as the purple curves). */
class CurveFitsTest {

    static double[] times(int n, double t0) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = t0 + i * 0.5e-3;
        return t;
    }

    @Test
    void lineIsRecoveredExactlyAndSubtractsToZero() {
        double[] t = times(199, 0.417745);
        double[] y = new double[t.length];
        for (int i = 0; i < y.length; i++) y[i] = -1234.5 * t[i] + 321.0;
        CurveFit f = CurveFits.fit("depol", y, t, FitModel.LINEAR, 10, 150);
        assertEquals(-1234.5, f.parameters().get("slope"), 1e-7);
        assertEquals(321.0, f.parameters().get("intercept"), 1e-7);
        assertEquals(1.0, f.rSquared(), 1e-12);
        for (double r : CurveFits.subtractLine(y, t, f)) assertEquals(0, r, 1e-9);
    }

    /**
     * An exponential through points that are a straight line can only match them by running off to a huge amplitude
     * and τ: the fit is refused no number but is answered with a warning naming the amplitude (issue 12's −2.6e9).
     */
    @Test
    void aDegenerateExponentialCarriesAWarningAndAGoodOneNone() {
        double[] t = times(199, 0.417745);
        double[] y = new double[t.length];
        for (int i = 0; i < y.length; i++) y[i] = -1234.5 * t[i] + 321.0;
        CurveFit line = CurveFits.fit("hyperpol", y, t, FitModel.EXP_DECAY, 10, 150);
        assertTrue(
                line.warnings().stream().anyMatch(w -> w.contains("amplitude")),
                line.warnings().toString());
        assertTrue(line.describe().contains("warning:"), line.describe());
        for (int i = 0; i < y.length; i++) y[i] = 50 * Math.exp(-(t[i] - t[0]) * 1000 / 8.0) - 5;
        CurveFit good = CurveFits.fit("hyperpol", y, t, FitModel.EXP_DECAY, 0, 150);
        assertEquals(8.0, good.parameters().get("tauMs"), 1e-6);
        assertEquals(List.of(), good.warnings());
        assertEquals("ms", FitModel.EXP_DECAY.parameterUnits().get("tauMs"));
        assertEquals("pA/s", FitModel.LINEAR.parameterUnits().get("slope"));
    }

    @Test
    void decayIsRecoveredFromNoisyPoints() {
        double[] t = times(199, 0.5);
        double[] y = new double[t.length];
        Random rnd = new Random(7);
        for (int i = 0; i < y.length; i++) {
            double ms = (t[i] - t[5]) * 1000;
            y[i] = -480 * Math.exp(-ms / 6.5) - 12 + rnd.nextGaussian();
        }
        CurveFit f = CurveFits.fit("hyperpol", y, t, FitModel.EXP_DECAY, 5, 120);
        assertEquals(-480, f.parameters().get("amplitude"), 480 * 0.01);
        assertEquals(6.5, f.parameters().get("tauMs"), 6.5 * 0.01);
        assertEquals(-12, f.parameters().get("offset"), 0.5);
        assertTrue(f.rSquared() > 0.999, "R² " + f.rSquared());
    }

    @Test
    void riseIsRecoveredExactly() {
        double[] t = times(199, 0.0);
        double[] y = new double[t.length];
        for (int i = 0; i < y.length; i++) y[i] = 250 * (1 - Math.exp(-(t[i] - t[20]) * 1000 / 11.0)) + 40;
        CurveFit f = CurveFits.fit("depol", y, t, FitModel.EXP_RISE, 20, 198);
        assertEquals(250, f.parameters().get("amplitude"), 1e-6);
        assertEquals(11.0, f.parameters().get("tauMs"), 1e-8);
        assertEquals(40, f.parameters().get("offset"), 1e-6);
        assertEquals(1.0, f.rSquared(), 1e-12);
    }

    @Test
    void tooFewPointsIsAClearError() {
        double[] t = times(10, 0);
        InvalidAnalysisParameterException e = assertThrows(
                InvalidAnalysisParameterException.class,
                () -> CurveFits.fit("depol", new double[10], t, FitModel.EXP_DECAY, 3, 5));
        assertTrue(e.getMessage().contains("at least 4 points"), e.getMessage());
    }
}
