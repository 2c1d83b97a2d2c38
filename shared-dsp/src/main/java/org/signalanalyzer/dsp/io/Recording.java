package org.signalanalyzer.dsp.io;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One recording as read from a file: sweeps × channels of equally spaced samples in physical units.
 *
 * <p>Sample arrays are owned by the recording (readers hand them over without copying, because recordings can
 * hold tens of millions of samples); {@link #samples(int, int)} returns a copy, {@link #sample(int, int, int)} reads
 * one value, and {@link #withSamplesOwnedBy} exists for code that must avoid the copy.
 */
public final class Recording {

    private final String sourceName;
    private final RecordingFormat format;
    private final String formatVersion;
    private final AcquisitionMode acquisitionMode;
    private final double sampleIntervalS;
    private final double startTimeS;
    private final List<Channel> channels;
    private final double[] sweepStartTimesS;
    private final double[][][] data; // [sweep][channel][sample]
    private final List<Tag> tags;
    private final String comment;
    private final Protocol protocol; // nullable
    private final Map<String, String> headerRecords;

    public Recording(
            String sourceName,
            RecordingFormat format,
            String formatVersion,
            AcquisitionMode acquisitionMode,
            double sampleIntervalS,
            double startTimeS,
            List<Channel> channels,
            double[] sweepStartTimesS,
            double[][][] data,
            List<Tag> tags,
            String comment,
            Protocol protocol,
            Map<String, String> headerRecords) {
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
        this.format = Objects.requireNonNull(format, "format");
        this.formatVersion = Objects.requireNonNull(formatVersion, "formatVersion");
        this.acquisitionMode = Objects.requireNonNull(acquisitionMode, "acquisitionMode");
        if (!(sampleIntervalS > 0) || !Double.isFinite(sampleIntervalS)) {
            throw new IllegalArgumentException(
                    "sample interval must be a positive finite number of seconds: " + sampleIntervalS);
        }
        this.sampleIntervalS = sampleIntervalS;
        this.startTimeS = startTimeS;
        this.channels = List.copyOf(channels);
        this.data = Objects.requireNonNull(data, "data");
        if (data.length == 0) throw new IllegalArgumentException("a recording needs at least one sweep");
        int n = -1;
        for (double[][] sweep : data) {
            if (sweep.length != this.channels.size()) {
                throw new IllegalArgumentException("every sweep needs " + this.channels.size() + " channels");
            }
            for (double[] ch : sweep) {
                if (n < 0) n = ch.length;
                if (ch.length != n) throw new IllegalArgumentException("every sweep needs the same sample count");
            }
        }
        if (sweepStartTimesS.length != data.length) {
            throw new IllegalArgumentException("one start time per sweep is needed");
        }
        this.sweepStartTimesS = sweepStartTimesS.clone();
        this.tags = List.copyOf(tags);
        this.comment = comment == null ? "" : comment;
        this.protocol = protocol;
        this.headerRecords = Map.copyOf(headerRecords);
    }

    public String sourceName() {
        return sourceName;
    }

    public RecordingFormat format() {
        return format;
    }

    public String formatVersion() {
        return formatVersion;
    }

    public AcquisitionMode acquisitionMode() {
        return acquisitionMode;
    }

    public double sampleIntervalS() {
        return sampleIntervalS;
    }

    public double sampleRateHz() {
        return 1.0 / sampleIntervalS;
    }
    /** Time of each sweep's first sample relative to the sweep start (non-zero in some ATF exports). */
    public double startTimeS() {
        return startTimeS;
    }

    public List<Channel> channels() {
        return channels;
    }

    public int channelCount() {
        return channels.size();
    }

    public int sweepCount() {
        return data.length;
    }

    public int samplesPerSweep() {
        return data[0][0].length;
    }

    public double[] sweepStartTimesS() {
        return sweepStartTimesS.clone();
    }

    public List<Tag> tags() {
        return tags;
    }

    public String comment() {
        return comment;
    }

    public Optional<Protocol> protocol() {
        return Optional.ofNullable(protocol);
    }
    /** The file's own header records (ATF optional records, selected ABF header fields), for display. */
    public Map<String, String> headerRecords() {
        return headerRecords;
    }

    /** A copy of one sweep of one channel, in the channel's unit. */
    public double[] samples(int sweep, int channel) {
        return data[checkSweep(sweep)][checkChannel(channel)].clone();
    }

    public double sample(int sweep, int channel, int index) {
        return data[checkSweep(sweep)][checkChannel(channel)][index];
    }

    /** The time of sample {@code index} within a sweep, in seconds. */
    public double timeS(int index) {
        return startTimeS + index * sampleIntervalS;
    }

    /** Sample times of one sweep in seconds, computed from the interval (never accumulated, so no drift). */
    public double[] timesS() {
        double[] t = new double[samplesPerSweep()];
        for (int i = 0; i < t.length; i++) t[i] = startTimeS + i * sampleIntervalS;
        return t;
    }

    /** Index of the first channel whose unit is a voltage, if any (the command channel in voltage clamp). */
    public Optional<Integer> firstChannelWithUnit(Predicate<String> unitTest) {
        for (int i = 0; i < channels.size(); i++)
            if (unitTest.test(channels.get(i).unit())) return Optional.of(i);
        return Optional.empty();
    }

    /**
     * Lends the backing array of one sweep/channel to {@code reader} without copying. The reader must not modify
     * it or keep it; this exists for large traces (plot decimation, binary storage).
     */
    public <T> T withSamplesOwnedBy(int sweep, int channel, Function<double[], T> reader) {
        return reader.apply(data[checkSweep(sweep)][checkChannel(channel)]);
    }

    private int checkSweep(int sweep) {
        if (sweep < 0 || sweep >= data.length) {
            throw new IndexOutOfBoundsException("sweep " + sweep + " does not exist; the recording has " + data.length
                    + " sweep(s), numbered from 0");
        }
        return sweep;
    }

    private int checkChannel(int channel) {
        if (channel < 0 || channel >= channels.size()) {
            throw new IndexOutOfBoundsException("channel " + channel + " does not exist; the recording has "
                    + channels.size() + " channel(s), numbered from 0");
        }
        return channel;
    }
}
