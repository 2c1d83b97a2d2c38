package org.signalanalyzer.dsp.analysis;

/** Values with their times in seconds (an intermediate of the pipeline; not copied, so not shared outside). */
public record Curve(double[] values, double[] timesS) {
    public Curve {
        if (values.length != timesS.length) {
            throw new IllegalArgumentException(
                    "a curve needs one time per value: " + values.length + " values, " + timesS.length + " times");
        }
    }

    public int length() {
        return values.length;
    }
}
