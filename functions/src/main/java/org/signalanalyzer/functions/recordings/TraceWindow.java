package org.signalanalyzer.functions.recordings;

import org.signalanalyzer.dsp.plot.Decimation;
import org.signalanalyzer.dsp.plot.Envelope;
import org.signalanalyzer.functions.web.ApiException;

/**
 * What a plot of one sweep and channel of a file over [startS, endS] at {@code width} pixel columns reads: samples
 * [from, to) of that sweep. Every refusal names the file's sweeps and channels or the allowed width.
 */
public record TraceWindow(int sweep, int channel, int from, int to, int width) {

    /** Pixel columns when the caller names none. */
    public static final int DEFAULT_WIDTH = 1200;

    public static TraceWindow of(FileDescription file, int sweep, int channel, Double startS, Double endS, int width) {
        if (sweep < 0 || sweep >= file.sweepCount()) {
            throw ApiException.invalid("sweep " + sweep + " does not exist: '" + file.fileName() + "' has sweeps 0 to "
                    + (file.sweepCount() - 1) + ".");
        }
        if (channel < 0 || channel >= file.channels().size()) {
            throw ApiException.invalid("channel " + channel + " does not exist: '" + file.fileName()
                    + "' has channels 0 to " + (file.channels().size() - 1) + ".");
        }
        if (width < 1 || width > Decimation.MAX_WIDTH) {
            throw ApiException.invalid("width must be between 1 and " + Decimation.MAX_WIDTH + " pixels.");
        }
        int[] window;
        try {
            window = Decimation.window(file.samplesPerSweep(), file.startTimeS(), file.sampleIntervalS(), startS, endS);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
        return new TraceWindow(sweep, channel, window[0], window[1], width);
    }

    /** The plot of samples [from, to) read alone (the stored form's byte range). */
    public Trace ofWindowSamples(FileDescription file, double[] samples) {
        return trace(
                file,
                Decimation.envelope(
                        samples,
                        0,
                        samples.length,
                        file.startTimeS() + from * file.sampleIntervalS(),
                        file.sampleIntervalS(),
                        width));
    }

    /** The plot of the window of a whole sweep (a filtered sweep: filters run on the whole of it). */
    public Trace ofSweepSamples(FileDescription file, double[] sweepSamples) {
        return trace(
                file, Decimation.envelope(sweepSamples, from, to, file.startTimeS(), file.sampleIntervalS(), width));
    }

    private Trace trace(FileDescription file, Envelope envelope) {
        return Trace.of(sweep, channel, file.channels().get(channel).unit(), envelope);
    }
}
