package org.signalanalyzer.dsp.analysis;

import java.util.List;
import org.signalanalyzer.dsp.io.Channel;

/**
 * The analysis works in pA and mV; recordings may store nA, A, V or µV. These are the scale factors, with a note
 * when a unit is unknown and assumed.
 */
final class ChannelUnits {

    private ChannelUnits() {}

    /** Factor that turns the channel's values into pA; adds a note when the unit is blank and pA is assumed. */
    static double toPicoamps(Channel c, int index, List<String> notes) {
        String u = c.unit().replace('\u00b5', 'u');
        switch (u) {
            case "pA":
                return 1;
            case "fA":
                return 1e-3;
            case "nA":
                return 1e3;
            case "uA":
                return 1e6;
            case "mA":
                return 1e9;
            case "A":
                return 1e12;
            case "":
                notes.add("channel " + index + " has no unit; its values are taken as pA");
                return 1;
            default:
                throw new InvalidAnalysisParameterException(
                        "channel",
                        "channel " + index + " (" + c.name() + ") is in " + c.unit()
                                + ", not a current; choose the current channel instead (channels count from 0)");
        }
    }

    /** Factor that turns a voltage channel's values into mV. */
    static double toMillivolts(Channel c) {
        return switch (c.unit().replace('\u00b5', 'u')) {
            case "V" -> 1e3;
            case "uV" -> 1e-3;
            default -> 1;
        };
    }

    static double[] scaled(double[] x, double factor) {
        if (factor == 1) return x;
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i] * factor;
        return y;
    }
}
