package org.signalanalyzer.dsp.analysis;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.signalanalyzer.dsp.plot.DisplayCurve;

/**
 * A result's five curves as plots show them ({@link DisplayCurve}). Time origins: the purple curves in standard
 * mode from their own step onset (the unit of their integration windows), in desktop mode from their first point
 * (the segment start, the desktop's starting point); orange and normalized from the sweep start; average from its
 * first point.
 */
public final class ResultCurves {

    private ResultCurves() {}

    public static Map<String, DisplayCurve> display(AnalysisResult r, int columns) {
        Map<String, DisplayCurve> curves = new LinkedHashMap<>();
        curves.put(
                "orange",
                DisplayCurve.of("orange", "pA", DisplayCurve.SWEEP_START, 0, r.orange(), r.orangeTimesS(), columns));
        curves.put(
                "normalized",
                DisplayCurve.of(
                        "normalized",
                        "pA/mV",
                        DisplayCurve.SWEEP_START,
                        0,
                        r.normalized(),
                        r.normalizedTimesS(),
                        columns));
        double[] averageT = r.averageTimesS();
        curves.put(
                "average",
                DisplayCurve.of(
                        "average",
                        "pA/mV",
                        DisplayCurve.FIRST_POINT,
                        averageT.length == 0 ? 0 : averageT[0],
                        r.average(),
                        averageT,
                        columns));
        curves.put(
                "purpleHyperpol",
                purple(
                        "purpleHyperpol",
                        r.purpleHyperpol(),
                        r.purpleHyperpolTimesS(),
                        r.mode() == AnalysisMode.STANDARD ? r.hyperpolOnsetS() : null,
                        columns));
        curves.put(
                "purpleDepol",
                purple(
                        "purpleDepol",
                        r.purpleDepol(),
                        r.purpleDepolTimesS(),
                        r.mode() == AnalysisMode.STANDARD ? r.depolOnsetS() : null,
                        columns));
        return curves;
    }

    /** Where the display axis of purple curve "hyperpol" or "depol" starts, in seconds of the sweep. */
    public static double originS(AnalysisResult r, String curve) {
        boolean h = "hyperpol".equals(curve);
        if (r.mode() == AnalysisMode.STANDARD) return h ? r.hyperpolOnsetS() : r.depolOnsetS();
        double[] t = h ? r.purpleHyperpolTimesS() : r.purpleDepolTimesS();
        return t.length == 0 ? 0 : t[0];
    }

    /**
     * {@code r} with the named curves ({@link #display}'s names) empty, values and times, everything else as it is:
     * for an answer that carries those curves only as display curves.
     */
    public static AnalysisResult withoutCurves(AnalysisResult r, Collection<String> names) {
        double[] none = new double[0];
        Map<String, AnalysisResult.CurvePoints> empty = new LinkedHashMap<>();
        for (String name : names) empty.put(name, new AnalysisResult.CurvePoints(none, none));
        return r.withCurves(empty);
    }

    private static DisplayCurve purple(String name, double[] v, double[] tS, Double onsetS, int columns) {
        if (onsetS != null) return DisplayCurve.of(name, "pA", DisplayCurve.STEP_ONSET, onsetS, v, tS, columns);
        return DisplayCurve.of(name, "pA", DisplayCurve.FIRST_POINT, tS.length == 0 ? 0 : tS[0], v, tS, columns);
    }
}
