package org.signalanalyzer.dsp.export;

/** Results keep times in seconds; every export shows ms, as the lab's plots and sheets always have. */
final class Units {

    private Units() {}

    static double[] secondsToMs(double[] s) {
        double[] ms = new double[s.length];
        for (int i = 0; i < s.length; i++) ms[i] = s[i] * 1000.0;
        return ms;
    }

    static Double secondsToMs(Double s) {
        return s == null ? null : s * 1000.0;
    }
}
