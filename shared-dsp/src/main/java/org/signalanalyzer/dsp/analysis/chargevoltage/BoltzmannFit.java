package org.signalanalyzer.dsp.analysis.chargevoltage;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A least-squares fit of Q(V) = Qmax / (1 + exp(−(V − V½) / k)) to a set's points.
 *
 * @param standardErrors asymptotic standard errors: the square roots of the diagonal of σ²·(JᵀJ)⁻¹ at the optimum,
 *                       σ² = residual sum of squares / (n − 3)
 * @param ci95           estimate ± t(0.975, n − 3) × standard error
 * @param degreesOfFreedom n − 3
 * @param rmsResidualPc  √(residual sum of squares / n)
 */
@JsonPropertyOrder({
    "qMaxPc",
    "vHalfMv",
    "slopeMv",
    "standardErrors",
    "ci95",
    "r2",
    "points",
    "degreesOfFreedom",
    "rmsResidualPc",
    "iterations"
})
public record BoltzmannFit(
        double qMaxPc,
        double vHalfMv,
        double slopeMv,
        Parameters standardErrors,
        Intervals ci95,
        double r2,
        int points,
        int degreesOfFreedom,
        double rmsResidualPc,
        int iterations) {

    /** One number per parameter (the standard errors). */
    @JsonPropertyOrder({"qMaxPc", "vHalfMv", "slopeMv"})
    public record Parameters(double qMaxPc, double vHalfMv, double slopeMv) {}

    /** [low, high] per parameter. */
    @JsonPropertyOrder({"qMaxPc", "vHalfMv", "slopeMv"})
    public record Intervals(double[] qMaxPc, double[] vHalfMv, double[] slopeMv) {}

    /** The fitted curve at {@code vMv}. */
    public double chargeAt(double vMv) {
        return BoltzmannFitter.boltzmann(qMaxPc, vHalfMv, slopeMv, vMv);
    }
}
