package org.signalanalyzer.dsp.analysis.standard;

/**
 * A voltage step found by the standard analysis. {@code sample} is the first sample at the new level;
 * {@code crossing} is the fractional sample index where the command crossed half the step (equal to
 * {@code sample} when the onset comes from an epoch table or the typed times).
 *
 * @param role "small-on-k", "small-off-k" (k from 1), "v2-on" or "v2-off"
 */
public record StepOnset(String role, int sample, double crossing, double timeS, double fromMv, double toMv) {
    public double amplitudeMv() {
        return toMv - fromMv;
    }
}
