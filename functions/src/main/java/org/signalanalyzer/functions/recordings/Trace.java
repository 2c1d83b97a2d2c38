package org.signalanalyzer.functions.recordings;

import io.micronaut.serde.annotation.Serdeable;
import org.signalanalyzer.dsp.plot.Envelope;

/** docs/api.md, Trace: what the page draws for one sweep and channel. */
@Serdeable
public record Trace(
        int sweep,
        int channel,
        String unit,
        double startS,
        double endS,
        int sampleCount,
        boolean decimated,
        double[] timesS,
        double[] values) {

    public static Trace of(int sweep, int channel, String unit, Envelope e) {
        double start = e.pointCount() == 0 ? 0 : e.timesS()[0];
        double end = e.pointCount() == 0 ? 0 : e.timesS()[e.pointCount() - 1];
        return new Trace(sweep, channel, unit, start, end, e.sampleCount(), e.decimated(), e.timesS(), e.values());
    }
}
