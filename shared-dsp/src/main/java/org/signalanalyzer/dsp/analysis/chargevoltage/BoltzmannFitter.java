package org.signalanalyzer.dsp.analysis.chargevoltage;

import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;

/**
 * Fits the Boltzmann charge–voltage relation by Levenberg–Marquardt, unweighted (every point's charge is measured
 * with about the same noise, since each comes from one subtraction over the same window). All three parameters are
 * free and signed: a negative k (charge that falls with depolarisation) is reported, not forced away, so an
 * inverted set is visible rather than silently mis-fitted.
 */
public final class BoltzmannFitter {

    /** Fewest distinct voltages: three parameters and at least one degree of freedom. */
    public static final int MIN_VOLTAGES = 4;

    static final int MAX_EVALUATIONS = 2000;
    /** The covariance's pivot threshold: a smaller pivot means JᵀJ is singular for all practical purposes. */
    static final double SINGULARITY_THRESHOLD = 1e-12;

    private BoltzmannFitter() {}

    /** The fit, or why there is none. Exactly one of the two is non-null. */
    public record Outcome(BoltzmannFit fit, FitRefusal refusal) {}

    static double boltzmann(double qMax, double vHalf, double k, double v) {
        return qMax * logistic((v - vHalf) / k);
    }

    /** 1 / (1 + e^(−x)), without overflow for large |x|. */
    private static double logistic(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }

    public static Outcome fit(double[] vMv, double[] qPc) {
        if (vMv.length != qPc.length) throw new IllegalArgumentException("one charge per voltage");
        int n = vMv.length;
        TreeSet<Double> distinct = new TreeSet<>();
        for (double v : vMv) distinct.add(v);
        if (distinct.size() < MIN_VOLTAGES) {
            return refuse(
                    FitRefusal.Reason.TOO_FEW_VOLTAGES,
                    "a Boltzmann fit needs at least " + MIN_VOLTAGES
                            + " different voltages; this set has " + distinct.size()
                            + (n > distinct.size() ? " (" + n + " points)" : "") + ": record or include more voltages");
        }
        double vMin = distinct.first();
        double vMax = distinct.last();
        double[] start = initialGuess(vMv, qPc);
        if (start == null) {
            return refuse(
                    FitRefusal.Reason.NO_TRANSITION,
                    "the charge does not change with voltage in this set "
                            + "(every point carries the same charge), so there is no transition to fit");
        }
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = new LevenbergMarquardtOptimizer()
                    .optimize(new LeastSquaresBuilder()
                            .model(model(vMv))
                            .target(qPc)
                            .start(start)
                            .parameterValidator(p -> p.getEntry(2) == 0 ? withSlope(p, 1e-6) : p)
                            .maxEvaluations(MAX_EVALUATIONS)
                            .maxIterations(MAX_EVALUATIONS)
                            .build());
        } catch (MathIllegalStateException e) {
            return refuse(
                    FitRefusal.Reason.NOT_CONVERGED,
                    "the Boltzmann fit did not converge within "
                            + MAX_EVALUATIONS + " evaluations (started at " + describe(start)
                            + "); exclude outlying points "
                            + "or check that the set shows a sigmoid");
        }
        double[] p = optimum.getPoint().toArray();
        if (!Arrays.stream(p).allMatch(Double::isFinite)) {
            return refuse(
                    FitRefusal.Reason.NOT_CONVERGED,
                    "the Boltzmann fit ran off to infinite parameters; " + "the points show no sigmoid");
        }
        if (p[1] - Math.abs(p[2]) < vMin || p[1] + Math.abs(p[2]) > vMax) {
            return refuse(
                    FitRefusal.Reason.NO_TRANSITION,
                    String.format(
                            Locale.ROOT,
                            "the best Boltzmann curve "
                                    + "(%s) is not bracketed by the recorded voltages (%.1f to %.1f mV), which must reach from "
                                    + "V½ − |k| to V½ + |k| (27 %% to 73 %% of Qmax) for Qmax and V½ to be measured rather than "
                                    + "extrapolated: record voltages on both sides of the transition",
                            describe(p),
                            vMin,
                            vMax));
        }
        RealMatrix cov;
        try {
            cov = optimum.getCovariances(SINGULARITY_THRESHOLD);
        } catch (SingularMatrixException e) {
            return refuse(
                    FitRefusal.Reason.SINGULAR_COVARIANCE,
                    "the points do not determine Qmax, V½ and k "
                            + "separately (the fit's covariance is singular); record voltages across the whole transition");
        }
        int dof = n - 3;
        double rss = 0;
        double mean = Arrays.stream(qPc).average().orElse(0);
        double tss = 0;
        for (int i = 0; i < n; i++) {
            double r = qPc[i] - boltzmann(p[0], p[1], p[2], vMv[i]);
            rss += r * r;
            tss += (qPc[i] - mean) * (qPc[i] - mean);
        }
        double sigma2 = rss / dof;
        double[] se = new double[3];
        for (int j = 0; j < 3; j++) se[j] = Math.sqrt(cov.getEntry(j, j) * sigma2);
        if (!Arrays.stream(se).allMatch(Double::isFinite)) {
            return refuse(
                    FitRefusal.Reason.SINGULAR_COVARIANCE,
                    "the fit's standard errors are not finite; the "
                            + "points do not determine Qmax, V½ and k separately");
        }
        double t = new TDistribution(dof).inverseCumulativeProbability(0.975);
        BoltzmannFit fit = new BoltzmannFit(
                p[0],
                p[1],
                p[2],
                new BoltzmannFit.Parameters(se[0], se[1], se[2]),
                new BoltzmannFit.Intervals(
                        interval(p[0], t * se[0]), interval(p[1], t * se[1]), interval(p[2], t * se[2])),
                tss > 0 ? 1 - rss / tss : Double.NaN,
                n,
                dof,
                Math.sqrt(rss / n),
                optimum.getIterations());
        return new Outcome(fit, null);
    }

    /**
     * Qmax: the charge of largest size (the plateau, when the set reaches it). V½: where the points first cross half
     * of it, interpolated. k: from the slope there, since the curve's slope at V½ is Qmax / (4k). {@code null} when
     * the charge does not vary.
     */
    static double[] initialGuess(double[] v, double[] q) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double qMax = 0;
        double qLow = Double.POSITIVE_INFINITY;
        double qHigh = Double.NEGATIVE_INFINITY;
        for (double x : q) {
            if (Math.abs(x) > Math.abs(qMax)) qMax = x;
            qLow = Math.min(qLow, x);
            qHigh = Math.max(qHigh, x);
        }
        if (!(qHigh > qLow) || qMax == 0) return null;
        double span = v[order[order.length - 1]] - v[order[0]];
        double half = qMax / 2;
        double vHalf = (v[order[0]] + v[order[order.length - 1]]) / 2;
        double k = span / 8;
        for (int j = 0; j + 1 < order.length; j++) {
            int a = order[j];
            int b = order[j + 1];
            if ((q[a] - half) * (q[b] - half) <= 0 && q[a] != q[b] && v[b] > v[a]) {
                vHalf = v[a] + (half - q[a]) * (v[b] - v[a]) / (q[b] - q[a]);
                double slope = (q[b] - q[a]) / (v[b] - v[a]);
                double fromSlope = qMax / (4 * slope);
                if (Double.isFinite(fromSlope) && Math.abs(fromSlope) >= 1e-3 * span) {
                    k = Math.signum(fromSlope) * Math.min(Math.abs(fromSlope), span);
                }
                break;
            }
        }
        return new double[] {qMax, vHalf, k};
    }

    private static MultivariateJacobianFunction model(double[] v) {
        return point -> {
            double qMax = point.getEntry(0);
            double vHalf = point.getEntry(1);
            double k = point.getEntry(2);
            RealVector value = new ArrayRealVector(v.length);
            RealMatrix jacobian = new Array2DRowRealMatrix(v.length, 3);
            for (int i = 0; i < v.length; i++) {
                double s = logistic((v[i] - vHalf) / k);
                double ds = s * (1 - s); // e/(1+e)², without the overflow of e itself
                value.setEntry(i, qMax * s);
                jacobian.setEntry(i, 0, s);
                jacobian.setEntry(i, 1, -qMax * ds / k);
                jacobian.setEntry(i, 2, -qMax * ds * (v[i] - vHalf) / (k * k));
            }
            return new Pair<>(value, jacobian);
        };
    }

    private static RealVector withSlope(RealVector p, double k) {
        RealVector copy = p.copy();
        copy.setEntry(2, k);
        return copy;
    }

    private static double[] interval(double estimate, double halfWidth) {
        return new double[] {estimate - halfWidth, estimate + halfWidth};
    }

    private static String describe(double[] p) {
        return String.format(Locale.ROOT, "Qmax %.4g pC, V½ %.4g mV, k %.4g mV", p[0], p[1], p[2]);
    }

    private static Outcome refuse(FitRefusal.Reason reason, String message) {
        return new Outcome(null, new FitRefusal(reason, message));
    }
}
