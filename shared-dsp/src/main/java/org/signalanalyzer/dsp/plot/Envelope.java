package org.signalanalyzer.dsp.plot;

/**
 * Points to draw for one trace: when {@code decimated}, a (min, max) pair per pixel column in time order (the
 * pair itself ordered by time, so a line through the points draws the column's full vertical extent); otherwise
 * the samples themselves.
 *
 * @param sampleCount how many samples the points stand for
 */
public record Envelope(double[] timesS, double[] values, boolean decimated, int sampleCount) {
    public Envelope {
        if (timesS.length != values.length) {
            throw new IllegalArgumentException(
                    "times and values differ in length: " + timesS.length + " vs " + values.length);
        }
    }

    public int pointCount() {
        return values.length;
    }
}
