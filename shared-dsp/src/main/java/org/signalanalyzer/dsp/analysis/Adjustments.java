package org.signalanalyzer.dsp.analysis;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a person changed on screen after the analysis: the integration ranges dragged, and the fits accepted in
 * order, a linear one possibly subtracted from its curve (the desktop's "Subtract line"). Applied to the analysed
 * result it gives the result every export writes, so a file always holds the numbers the screen showed.
 *
 * @param ranges {@code null}: the ranges as analysed
 * @param fits   in the order accepted; each is fitted to its curve as it stands after the subtractions before it
 */
public record Adjustments(IntegrationRanges ranges, List<AcceptedFit> fits) {

    /** More would be a script, not a screen; it also keeps a stored analysis small. */
    public static final int MAX_FITS = 50;

    public static final Adjustments NONE = new Adjustments(null, List.of());

    /** An accepted fit: which points of which curve, with which model, and whether its line was subtracted. */
    public record AcceptedFit(String curve, FitModel model, int from, int to, boolean subtract) {

        public AcceptedFit {
            if (!"hyperpol".equals(curve) && !"depol".equals(curve)) {
                throw new InvalidAnalysisParameterException(
                        "curve", "the curve of a fit is 'hyperpol' or 'depol', " + "got '" + curve + "'");
            }
            if (model == null) throw new InvalidAnalysisParameterException("model", "a fit needs its model");
            if (subtract && model != FitModel.LINEAR) {
                throw new InvalidAnalysisParameterException(
                        "subtract", "only a linear fit can be subtracted, got " + model.label());
            }
        }
    }

    public Adjustments {
        fits = fits == null ? List.of() : List.copyOf(fits);
        if (fits.size() > MAX_FITS) {
            throw new InvalidAnalysisParameterException(
                    "fits", "at most " + MAX_FITS + " accepted fits, got " + fits.size());
        }
    }

    @JsonIgnore
    public boolean isEmpty() {
        return ranges == null && fits.isEmpty();
    }

    /**
     * The analysed result with these adjustments: lines subtracted and fits recorded in order, then the integrals
     * over the ranges (the analysed ones when {@code ranges} is null). {@link #NONE} answers the result unchanged.
     *
     * @throws InvalidAnalysisParameterException a range or fit the result cannot take (the parameter is named
     *                                           {@code fits[i]} or {@code ranges.hyperpol}, ...)
     * @throws FitDidNotConvergeException        an exponential fit that did not converge
     */
    public AnalysisResult applyTo(AnalysisResult analysed) {
        if (analysed.adjustments() != null) {
            throw new IllegalArgumentException("adjustments apply to the result as analysed, not to an adjusted one");
        }
        if (isEmpty()) return analysed;
        Integrals.Charges before = new Integrals.Charges(
                analysed.ranges(), analysed.qHyperpolPc(), analysed.qDepolPc(), analysed.capacitanceNf());
        AnalysisResult r = analysed;
        for (int i = 0; i < fits.size(); i++) {
            AcceptedFit f = fits.get(i);
            CurveFit fit;
            try {
                fit = CurveFits.fit(r, f.curve(), f.model(), f.from(), f.to());
            } catch (FitDidNotConvergeException e) {
                throw new FitDidNotConvergeException("fits[" + i + "]: " + e.getMessage());
            } catch (InvalidAnalysisParameterException e) {
                throw new InvalidAnalysisParameterException("fits[" + i + "]", "fits[" + i + "]: " + e.getMessage());
            }
            r = f.subtract() ? CurveFits.subtractLine(r, fit) : r.withFit(fit);
        }
        r = Integrals.recompute(r, ranges != null ? ranges : analysed.ranges());
        return r.withAdjustments(this, before);
    }

    /**
     * The lines an export writes to say what an adjusted result holds (empty for a result as analysed): the ranges
     * integrated and those analysed, each accepted fit (subtracted or not, with its warnings).
     */
    public static List<String> describe(AnalysisResult r) {
        List<String> lines = new ArrayList<>();
        if (!r.isAdjusted()) return lines;
        Integrals.Charges before = r.analysed();
        if (r.adjustments().ranges() != null) {
            lines.add("Integration ranges set by hand: " + r.ranges()
                    + (before == null || before.ranges() == null ? "" : " (analysed: " + before.ranges() + ")"));
        }
        for (CurveFit f : r.fits()) lines.add((f.subtracted() ? "Subtracted line: " : "Accepted fit: ") + f.describe());
        if (before != null) {
            lines.add(String.format(
                    Locale.ROOT,
                    "As analysed: Q hyperpol %s pC, Q depol %s pC, C %s nF",
                    before.qHyperpolPc(),
                    before.qDepolPc(),
                    before.capacitanceNf()));
        }
        return lines;
    }
}
