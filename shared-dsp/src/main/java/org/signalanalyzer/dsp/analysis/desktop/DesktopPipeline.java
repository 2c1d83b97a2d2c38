package org.signalanalyzer.dsp.analysis.desktop;

import java.util.List;
import java.util.Locale;
import org.signalanalyzer.dsp.analysis.Curve;
import org.signalanalyzer.dsp.analysis.InvalidAnalysisParameterException;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.analysis.StartingPoint;

/**
 * The desktop's docs/desktop-conventions.md#order-of-the-steps in its order, on an already filtered current trace at 100 kHz: initial baseline,
 * piecewise baseline, orange curve with the periodic spike fix, starting point, normalized, average and purple
 * curves.
 */
public final class DesktopPipeline {

    private DesktopPipeline() {}

    /** The curves that depend on the starting point. */
    public record FromStartingPoint(Curve normalized, Curve average, PurpleCurves purple) {}

    public record Outcome(
            double baselinePa,
            int baselineSegments,
            Curve orange,
            int startingPoint,
            boolean automatic,
            List<StartingPointScore> scores,
            FromStartingPoint curves) {}

    public static Outcome run(double[] filteredPa, DesktopTimeBase time, ProtocolParameters p, StartingPoint start) {
        double[] t = time.timesS();
        int orangeLength = (filteredPa.length + OrangeCurve.DESKTOP_BLOCK - 1) / OrangeCurve.DESKTOP_BLOCK;
        int n = start.auto() ? AutomaticStartingPoint.FIRST : start.index();
        int missing = PurpleCurves.orangePointsNeeded(n) - orangeLength;
        if (missing > 0) {
            String what = start.auto()
                    ? "the recording is too short for the desktop protocol"
                    : "the recording is too short for starting point " + n + " (no room for the segments)";
            throw new InvalidAnalysisParameterException(
                    start.auto() ? "recording" : "startingPoint",
                    String.format(
                            Locale.ROOT,
                            "%s: from orange point %d the segments need %d points of "
                                    + "0.5 ms (up to index %d), but the %.1f ms recording gives %d: short by %d points "
                                    + "(%.1f ms)",
                            what,
                            n,
                            PurpleCurves.orangePointsNeeded(n) - n,
                            PurpleCurves.orangePointsNeeded(n) - 1,
                            filteredPa.length * 1e-2,
                            orangeLength,
                            missing,
                            missing * 0.5));
        }
        double baseline = InitialBaseline.estimate(filteredPa, time.sampleRateHz(), p.t0Ms());
        double[] processed = InitialBaseline.subtract(filteredPa, baseline);
        int segments = PiecewiseBaseline.applyInPlace(processed);
        Curve raw = OrangeCurve.of(processed, t, OrangeCurve.DESKTOP_BLOCK);
        Curve orange = new Curve(PeriodicSpikeFix.apply(raw.values()), raw.timesS());
        if (start.auto()) {
            AutomaticStartingPoint.Choice c = AutomaticStartingPoint.choose(orange, p.v0Mv(), p.v2Mv());
            return new Outcome(
                    baseline, segments, orange, c.n(), true, c.scores(), purpleFrom(orange, c.n(), p.v0Mv(), p.v2Mv()));
        }
        return new Outcome(
                baseline,
                segments,
                orange,
                start.index(),
                false,
                List.of(),
                purpleFrom(orange, start.index(), p.v0Mv(), p.v2Mv()));
    }

    static FromStartingPoint purpleFrom(Curve orange, int n, double v0Mv, double v2Mv) {
        if (orange.length() < PurpleCurves.orangePointsNeeded(n)) {
            throw new InvalidAnalysisParameterException(
                    "startingPoint",
                    "starting point " + n + " leaves no room "
                            + "for the segments: they need orange points up to index "
                            + (PurpleCurves.orangePointsNeeded(n) - 1) + " but the curve has " + orange.length()
                            + " points (short by "
                            + (PurpleCurves.orangePointsNeeded(n) - orange.length()) + " points of 0.5 ms)");
        }
        Curve normalized = NormalizedCurve.of(orange, n);
        Curve average = AverageCurve.of(normalized);
        return new FromStartingPoint(normalized, average, PurpleCurves.of(orange, average, n, v0Mv, v2Mv));
    }
}
