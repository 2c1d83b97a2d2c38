package org.signalanalyzer.dsp.analysis.desktop;

import java.util.ArrayList;
import java.util.List;
import org.signalanalyzer.dsp.analysis.Curve;
import org.signalanalyzer.dsp.analysis.InvalidAnalysisParameterException;
import org.signalanalyzer.dsp.analysis.StartingPoint;

/**
 * docs/desktop-conventions.md#automatic-starting-point: try n = 10, 20, …, 80 (80 included), score both purple curves' smoothness, keep the best (ties: the
 * first in grid order); 35 if no candidate scores above 0. Only the steps after the orange curve depend on n, so
 * they alone are rerun.
 */
public final class AutomaticStartingPoint {

    static final int FIRST = 10;
    static final int LAST = 80;
    static final int STEP = 10;

    private AutomaticStartingPoint() {}

    public record Choice(int n, List<StartingPointScore> scores) {}

    public static Choice choose(Curve orange, double v0Mv, double v2Mv) {
        List<StartingPointScore> scores = new ArrayList<>();
        int best = StartingPoint.DESKTOP_DEFAULT;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int n = FIRST; n <= LAST; n += STEP) {
            StartingPointScore s = score(orange, n, v0Mv, v2Mv);
            scores.add(s);
            if (s.usable() && s.score() > bestScore) {
                bestScore = s.score();
                best = n;
            }
        }
        return new Choice(best, scores);
    }

    static StartingPointScore score(Curve orange, int n, double v0Mv, double v2Mv) {
        PurpleCurves p;
        try {
            p = DesktopPipeline.purpleFrom(orange, n, v0Mv, v2Mv).purple();
        } catch (InvalidAnalysisParameterException e) {
            return new StartingPointScore(n, 0, 0, 0, e.getMessage());
        }
        double h = SmoothnessScore.of(p.hyperpol().values());
        double d = SmoothnessScore.of(p.depol().values());
        double total = (h + d) / 2;
        if (!(total > 0)) return new StartingPointScore(n, total, h, d, "score not above 0");
        return new StartingPointScore(n, total, h, d, null);
    }
}
