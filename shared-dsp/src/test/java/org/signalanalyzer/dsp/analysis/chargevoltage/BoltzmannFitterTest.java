package org.signalanalyzer.dsp.analysis.chargevoltage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** The fit on charges given directly: exact recovery, the interval arithmetic, and every refusal. */
class BoltzmannFitterTest {

    static double[] charges(double[] v, double qMax, double vHalf, double k) {
        double[] q = new double[v.length];
        for (int i = 0; i < v.length; i++) q[i] = qMax / (1 + Math.exp(-(v[i] - vHalf) / k));
        return q;
    }

    static final double[] V = {-70, -60, -50, -40, -30, -20, -10, 0, 10, 20, 30};

    @Test
    void noiselessPointsGiveTheParametersBack() {
        BoltzmannFitter.Outcome o = BoltzmannFitter.fit(V, charges(V, 3.2, -22.5, 9));
        assertNull(o.refusal());
        assertEquals(3.2, o.fit().qMaxPc(), 1e-8);
        assertEquals(-22.5, o.fit().vHalfMv(), 1e-7);
        assertEquals(9, o.fit().slopeMv(), 1e-7);
        assertEquals(1, o.fit().r2(), 1e-12);
    }

    @Test
    void aNegativeChargeAndAFallingCurveAreFittedAsSigned() {
        BoltzmannFitter.Outcome o = BoltzmannFitter.fit(V, charges(V, -1.5, -30, -11));
        assertNull(o.refusal());
        assertEquals(-1.5, o.fit().qMaxPc(), 1e-8);
        assertEquals(-30, o.fit().vHalfMv(), 1e-6);
        assertEquals(-11, o.fit().slopeMv(), 1e-6);
    }

    @Test
    void theIntervalIsTheEstimatePlusMinusTTimesTheStandardError() {
        Random rnd = new Random(11);
        double[] q = charges(V, 2, -20, 10);
        for (int i = 0; i < q.length; i++) q[i] += 0.05 * rnd.nextGaussian();
        BoltzmannFit f = BoltzmannFitter.fit(V, q).fit();
        double t = new TDistribution(V.length - 3).inverseCumulativeProbability(0.975);
        assertEquals(2.306, t, 1e-3, "t(0.975, 8 dof) from tables");
        assertEquals(f.vHalfMv() - t * f.standardErrors().vHalfMv(), f.ci95().vHalfMv()[0], 1e-12);
        assertEquals(f.qMaxPc() + t * f.standardErrors().qMaxPc(), f.ci95().qMaxPc()[1], 1e-12);
        assertEquals(f.slopeMv() - t * f.standardErrors().slopeMv(), f.ci95().slopeMv()[0], 1e-12);
        assertTrue(
                f.standardErrors().vHalfMv() > 0.05 && f.standardErrors().vHalfMv() < 3,
                "SE of V½ " + f.standardErrors().vHalfMv());
        // The truth lies inside the 95 % intervals for this seed.
        assertTrue(f.ci95().vHalfMv()[0] < -20 && -20 < f.ci95().vHalfMv()[1]);
        assertTrue(f.ci95().qMaxPc()[0] < 2 && 2 < f.ci95().qMaxPc()[1]);
        assertTrue(f.ci95().slopeMv()[0] < 10 && 10 < f.ci95().slopeMv()[1]);
    }

    @Test
    void theStandardErrorsMatchTheSpreadOfRepeatedFits() {
        // 400 noise realisations: the mean reported SE of V½ agrees with the SD of the fitted V½ within 20 %.
        Random rnd = new Random(5);
        double[] truth = charges(V, 2, -20, 10);
        int runs = 400;
        double sum = 0;
        double sumSq = 0;
        double seSum = 0;
        for (int r = 0; r < runs; r++) {
            double[] q = truth.clone();
            for (int i = 0; i < q.length; i++) q[i] += 0.04 * rnd.nextGaussian();
            BoltzmannFit f = BoltzmannFitter.fit(V, q).fit();
            sum += f.vHalfMv();
            sumSq += f.vHalfMv() * f.vHalfMv();
            seSum += f.standardErrors().vHalfMv();
        }
        double sd = Math.sqrt((sumSq - sum * sum / runs) / (runs - 1));
        assertEquals(sd, seSum / runs, 0.2 * sd);
    }

    @Test
    void fewerThanFourVoltagesAreRefused() {
        double[] v = {-40, -20, 0, -20, 0};
        FitRefusal r = BoltzmannFitter.fit(v, charges(v, 1, -20, 10)).refusal();
        assertEquals(FitRefusal.Reason.TOO_FEW_VOLTAGES, r.reason());
        assertTrue(r.message().contains("at least 4") && r.message().contains("has 3"), r.message());
        assertEquals("too-few-voltages", r.reason().code());
    }

    @Test
    void aSetBelowTheTransitionIsRefused() {
        // Only the foot of the curve: V½ would lie far above the recorded range.
        double[] v = {-90, -85, -80, -75, -70};
        double[] q = charges(v, 2, 0, 10);
        q[2] += 1e-4;
        FitRefusal r = BoltzmannFitter.fit(v, q).refusal();
        assertEquals(FitRefusal.Reason.NO_TRANSITION, r.reason(), r::message);
        assertTrue(r.message().contains("-90.0 to -70.0 mV"), r.message());
    }

    @Test
    void aSetThatStopsAtTheMidpointIsRefused() {
        // Exact charges up to V½ + k/2: the fit finds the truth, but Qmax would be an extrapolation.
        double[] v = {-80, -70, -60, -50, -40, -30, -20};
        BoltzmannFitter.Outcome o = BoltzmannFitter.fit(v, charges(v, 2, -25, 10));
        assertEquals(FitRefusal.Reason.NO_TRANSITION, o.refusal().reason());
        assertTrue(
                o.refusal().message().contains("V½ -25.00 mV")
                        && o.refusal().message().contains("-80.0 to -20.0"),
                o.refusal().message());
        // One more voltage past V½ + k and the same cell is fitted.
        double[] more = {-80, -70, -60, -50, -40, -30, -20, -10};
        assertNull(BoltzmannFitter.fit(more, charges(more, 2, -25, 10)).refusal());
    }

    @Test
    void aFlatSetHasNoTransition() {
        double[] v = {-60, -40, -20, 0};
        FitRefusal r = BoltzmannFitter.fit(v, new double[] {0.7, 0.7, 0.7, 0.7}).refusal();
        assertEquals(FitRefusal.Reason.NO_TRANSITION, r.reason());
        assertTrue(r.message().contains("same charge"), r.message());
    }

    @Test
    void aStepWithNothingBetweenItsSidesDoesNotDetermineTheParameters() {
        // Two points at each plateau: any V½ between them and any small k fit exactly.
        double[] v = {-100, -90, 90, 100};
        double[] q = {0, 0, 1, 1};
        FitRefusal r = BoltzmannFitter.fit(v, q).refusal();
        assertTrue(
                r != null
                        && (r.reason() == FitRefusal.Reason.SINGULAR_COVARIANCE
                                || r.reason() == FitRefusal.Reason.NOT_CONVERGED),
                () -> String.valueOf(r));
    }
}
