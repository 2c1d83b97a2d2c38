package org.signalanalyzer.dsp.analysis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.signalanalyzer.dsp.analysis.desktop.StartingPointScore;
import org.signalanalyzer.dsp.analysis.standard.StepOnset;

/**
 * One step-protocol analysis, immutable (arrays are copied in and out), with everything an export or a later
 * integral needs, and its provenance. Curves are in pA (normalized and average in pA/mV), times in seconds of the
 * recording.
 *
 * @param startingPoint        desktop mode: the orange index n the segments start at; {@code null} in standard mode
 * @param startingPointSource  "given" or "auto" (desktop mode); {@code null} in standard mode
 * @param startingPointScores  the automatic choice's score table (empty when the point was given)
 * @param depolOnsetS          standard mode: time of the V2 step (integration windows are ms after it)
 * @param hyperpolOnsetS       standard mode: time of the return to V0
 * @param steps                standard mode: every step onset found, in time order
 * @param adjustments          what was changed by hand after the analysis (ranges, accepted fits, subtracted
 *                             lines), {@code null} when nothing was: the numbers and curves here are the adjusted ones
 * @param analysed             the ranges and charges as first analysed, when adjustments changed them ({@code null}
 *                             otherwise)
 */
@JsonPropertyOrder({
    "mode",
    "startingPoint",
    "startingPointSource",
    "startingPointScores",
    "baselinePa",
    "v0Mv",
    "v2Mv",
    "qHyperpolPc",
    "qDepolPc",
    "capacitanceNf",
    "ranges",
    "orange",
    "orangeTimesS",
    "normalized",
    "normalizedTimesS",
    "average",
    "averageTimesS",
    "purpleHyperpol",
    "purpleHyperpolTimesS",
    "purpleDepol",
    "purpleDepolTimesS",
    "depolOnsetS",
    "hyperpolOnsetS",
    "steps",
    "fits",
    "adjustments",
    "analysed",
    "provenance"
})
public record AnalysisResult(
        AnalysisMode mode,
        Integer startingPoint,
        String startingPointSource,
        List<StartingPointScore> startingPointScores,
        double baselinePa,
        double v0Mv,
        double v2Mv,
        double[] orange,
        double[] orangeTimesS,
        double[] normalized,
        double[] normalizedTimesS,
        double[] average,
        double[] averageTimesS,
        double[] purpleHyperpol,
        double[] purpleHyperpolTimesS,
        double[] purpleDepol,
        double[] purpleDepolTimesS,
        Double depolOnsetS,
        Double hyperpolOnsetS,
        List<StepOnset> steps,
        IntegrationRanges ranges,
        double qHyperpolPc,
        double qDepolPc,
        double capacitanceNf,
        List<CurveFit> fits,
        Provenance provenance,
        Adjustments adjustments,
        Integrals.Charges analysed) {

    /** The result's curves, by the names {@link ResultCurves#display} gives them. */
    public static final List<String> CURVE_NAMES =
            List.of("orange", "normalized", "average", "purpleHyperpol", "purpleDepol");

    /** One curve's values and the times they belong to, as a result holds them. */
    public record CurvePoints(double[] values, double[] timesS) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    @JsonCreator
    public AnalysisResult {
        startingPointScores = startingPointScores == null ? List.of() : List.copyOf(startingPointScores);
        steps = steps == null ? List.of() : List.copyOf(steps);
        fits = fits == null ? List.of() : List.copyOf(fits);
        orange = copy(orange);
        orangeTimesS = copy(orangeTimesS);
        normalized = copy(normalized);
        normalizedTimesS = copy(normalizedTimesS);
        average = copy(average);
        averageTimesS = copy(averageTimesS);
        purpleHyperpol = copy(purpleHyperpol);
        purpleHyperpolTimesS = copy(purpleHyperpolTimesS);
        purpleDepol = copy(purpleDepol);
        purpleDepolTimesS = copy(purpleDepolTimesS);
        if (purpleHyperpol.length != purpleHyperpolTimesS.length || purpleDepol.length != purpleDepolTimesS.length) {
            throw new IllegalArgumentException("each purple curve needs one time per point");
        }
    }

    /** A result as the analysis makes it: nothing adjusted. */
    public AnalysisResult(
            AnalysisMode mode,
            Integer startingPoint,
            String startingPointSource,
            List<StartingPointScore> startingPointScores,
            double baselinePa,
            double v0Mv,
            double v2Mv,
            double[] orange,
            double[] orangeTimesS,
            double[] normalized,
            double[] normalizedTimesS,
            double[] average,
            double[] averageTimesS,
            double[] purpleHyperpol,
            double[] purpleHyperpolTimesS,
            double[] purpleDepol,
            double[] purpleDepolTimesS,
            Double depolOnsetS,
            Double hyperpolOnsetS,
            List<StepOnset> steps,
            IntegrationRanges ranges,
            double qHyperpolPc,
            double qDepolPc,
            double capacitanceNf,
            List<CurveFit> fits,
            Provenance provenance) {
        this(
                mode,
                startingPoint,
                startingPointSource,
                startingPointScores,
                baselinePa,
                v0Mv,
                v2Mv,
                orange,
                orangeTimesS,
                normalized,
                normalizedTimesS,
                average,
                averageTimesS,
                purpleHyperpol,
                purpleHyperpolTimesS,
                purpleDepol,
                purpleDepolTimesS,
                depolOnsetS,
                hyperpolOnsetS,
                steps,
                ranges,
                qHyperpolPc,
                qDepolPc,
                capacitanceNf,
                fits,
                provenance,
                null,
                null);
    }

    @Override
    public double[] orange() {
        return orange.clone();
    }

    @Override
    public double[] orangeTimesS() {
        return orangeTimesS.clone();
    }

    @Override
    public double[] normalized() {
        return normalized.clone();
    }

    @Override
    public double[] normalizedTimesS() {
        return normalizedTimesS.clone();
    }

    @Override
    public double[] average() {
        return average.clone();
    }

    @Override
    public double[] averageTimesS() {
        return averageTimesS.clone();
    }

    @Override
    public double[] purpleHyperpol() {
        return purpleHyperpol.clone();
    }

    @Override
    public double[] purpleHyperpolTimesS() {
        return purpleHyperpolTimesS.clone();
    }

    @Override
    public double[] purpleDepol() {
        return purpleDepol.clone();
    }

    @Override
    public double[] purpleDepolTimesS() {
        return purpleDepolTimesS.clone();
    }

    /** The same result with new integrals (see {@link Integrals#recompute}). */
    public AnalysisResult withIntegrals(IntegrationRanges newRanges, double qH, double qD, double c) {
        return withOutcome(newRanges, qH, qD, c, fits, adjustments, analysed);
    }

    /** The same result with one more fit recorded. */
    public AnalysisResult withFit(CurveFit fit) {
        List<CurveFit> more = new ArrayList<>(fits);
        more.add(fit);
        return withOutcome(ranges, qHyperpolPc, qDepolPc, capacitanceNf, more, adjustments, analysed);
    }

    /** The same result saying which adjustments made it, and what the analysis gave before them. */
    public AnalysisResult withAdjustments(Adjustments applied, Integrals.Charges before) {
        return withOutcome(ranges, qHyperpolPc, qDepolPc, capacitanceNf, fits, applied, before);
    }

    /**
     * The same result with the named curves' values and times replaced ({@link #CURVE_NAMES}), everything else as it
     * is, in one copy whatever the number of curves: for a line subtracted from a purple curve, or for an answer that
     * carries some curves only as display curves.
     */
    public AnalysisResult withCurves(Map<String, CurvePoints> replaced) {
        if (!CURVE_NAMES.containsAll(replaced.keySet())) {
            throw new IllegalArgumentException("not curves of a result: " + replaced.keySet());
        }
        return with(
                replaced.getOrDefault("orange", new CurvePoints(orange, orangeTimesS)),
                replaced.getOrDefault("normalized", new CurvePoints(normalized, normalizedTimesS)),
                replaced.getOrDefault("average", new CurvePoints(average, averageTimesS)),
                replaced.getOrDefault("purpleHyperpol", new CurvePoints(purpleHyperpol, purpleHyperpolTimesS)),
                replaced.getOrDefault("purpleDepol", new CurvePoints(purpleDepol, purpleDepolTimesS)),
                ranges,
                qHyperpolPc,
                qDepolPc,
                capacitanceNf,
                fits,
                adjustments,
                analysed);
    }

    /** The same curves and provenance with what the withers change: integrals, fits and adjustments. */
    private AnalysisResult withOutcome(
            IntegrationRanges newRanges,
            double qH,
            double qD,
            double c,
            List<CurveFit> newFits,
            Adjustments newAdjustments,
            Integrals.Charges newAnalysed) {
        return with(
                new CurvePoints(orange, orangeTimesS),
                new CurvePoints(normalized, normalizedTimesS),
                new CurvePoints(average, averageTimesS),
                new CurvePoints(purpleHyperpol, purpleHyperpolTimesS),
                new CurvePoints(purpleDepol, purpleDepolTimesS),
                newRanges,
                qH,
                qD,
                c,
                newFits,
                newAdjustments,
                newAnalysed);
    }

    /** The one copy every wither makes: what an analysis found (mode, levels, steps, provenance) is kept. */
    private AnalysisResult with(
            CurvePoints o,
            CurvePoints n,
            CurvePoints a,
            CurvePoints h,
            CurvePoints d,
            IntegrationRanges newRanges,
            double qH,
            double qD,
            double c,
            List<CurveFit> newFits,
            Adjustments newAdjustments,
            Integrals.Charges newAnalysed) {
        return new AnalysisResult(
                mode,
                startingPoint,
                startingPointSource,
                startingPointScores,
                baselinePa,
                v0Mv,
                v2Mv,
                o.values(),
                o.timesS(),
                n.values(),
                n.timesS(),
                a.values(),
                a.timesS(),
                h.values(),
                h.timesS(),
                d.values(),
                d.timesS(),
                depolOnsetS,
                hyperpolOnsetS,
                steps,
                newRanges,
                qH,
                qD,
                c,
                newFits,
                provenance,
                newAdjustments,
                newAnalysed);
    }

    /** Whether hand adjustments changed anything in this result. */
    @JsonIgnore
    public boolean isAdjusted() {
        return adjustments != null && !adjustments.isEmpty();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an analysis result could not be written as JSON", e);
        }
    }

    public String toPrettyJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an analysis result could not be written as JSON", e);
        }
    }

    /** Reads a result written by {@link #toJson}; unknown keys (from a newer version) are ignored. */
    public static AnalysisResult fromJson(String json) {
        try {
            return JSON.readValue(json, AnalysisResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an analysis result: " + e.getOriginalMessage(), e);
        }
    }

    private static double[] copy(double[] a) {
        return a == null ? new double[0] : a.clone();
    }
}
