package org.signalanalyzer.dsp.analysis.desktop;

/**
 * One row of the automatic starting point's score table (docs/desktop-conventions.md#automatic-starting-point): the total and each purple curve's
 * smoothness, or why the candidate was left out.
 */
public record StartingPointScore(
        int n, double score, double hyperpolSmoothness, double depolSmoothness, String leftOutBecause) {
    public boolean usable() {
        return leftOutBecause == null;
    }
}
