package org.signalanalyzer.dsp.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Axon Binary File reader, ABF1 ("ABF ") and ABF2 ("ABF2"), as written by Clampex and AxoScope: int16 samples scaled
 * to user units exactly as Axon's ABFFIO does, or float32 samples; episodic, event-driven and gap-free; several
 * channels; tags; the epoch table of the command DAC.
 */
public final class AbfReader {

    /** ABF modes: 1 variable-length events (sweeps of unequal length, kept as one trace), 3 gap-free. */
    private static final int VARIABLE_LENGTH_EVENTS = 1;

    private static final int GAP_FREE = 3;

    private final ReadLimits limits;

    public AbfReader(ReadLimits limits) {
        this.limits = limits;
    }

    public Recording read(String name, byte[] content) throws RecordingFormatException {
        limits.checkFileSize(name, content.length);
        AbfBytes f = new AbfBytes(name, content);
        f.need(0, 4, "the signature 'ABF ' or 'ABF2'");
        String signature = new String(content, 0, 4, StandardCharsets.ISO_8859_1);
        AbfHeader h = switch (signature) {
            case "ABF " -> Abf1Header.parse(f, limits);
            case "ABF2" -> Abf2Header.parse(f, limits);
            default ->
                throw RecordingFormatException.atByte(
                        name,
                        0,
                        "expected the signature 'ABF ' or 'ABF2', found '" + signature.replaceAll("[^ -~]", "?") + "'");
        };
        return recording(f, h);
    }

    private Recording recording(AbfBytes f, AbfHeader h) throws RecordingFormatException {
        String name = f.name();
        int channels = h.channels().size();
        long total = h.totalSamples();
        if (total <= 0)
            throw RecordingFormatException.atByte(
                    name, 0, "the header says the file holds " + total + " samples: expected at least one");
        if (total > limits.maxSamples())
            throw RecordingFormatException.atByte(
                    name,
                    0,
                    "the header says the file " + "holds " + total + " samples, over the limit of "
                            + limits.maxSamples() + " (ReadLimits.maxSamples)");
        int sampleSize = h.floatData() ? 4 : 2;
        long dataEnd = h.dataOffset() + total * sampleSize;
        if (h.dataOffset() < 0 || dataEnd > f.length())
            throw RecordingFormatException.atByte(
                    name,
                    h.dataOffset(),
                    "expected " + total + " samples of " + sampleSize + " bytes from here (to byte " + dataEnd
                            + "), but the file is " + f.length() + " bytes long (truncated?)");

        long sweeps;
        long perChannel;
        boolean continuous = h.operationMode() == GAP_FREE || h.operationMode() == VARIABLE_LENGTH_EVENTS;
        if (continuous) {
            sweeps = 1;
            perChannel = total / channels;
        } else {
            if (h.samplesPerEpisode() <= 0 || h.samplesPerEpisode() % channels != 0) {
                throw RecordingFormatException.atByte(
                        name,
                        0,
                        "lNumSamplesPerEpisode is " + h.samplesPerEpisode() + ": expected a positive multiple of the "
                                + channels + " channel(s)");
            }
            sweeps = h.episodes();
            perChannel = h.samplesPerEpisode() / channels;
            if (sweeps < 1 || sweeps > limits.maxSweeps())
                throw RecordingFormatException.atByte(
                        name,
                        0,
                        "lActualEpisodes is " + sweeps + ": expected 1 to " + limits.maxSweeps()
                                + " (ReadLimits.maxSweeps)");
            if (sweeps * h.samplesPerEpisode() > total)
                throw RecordingFormatException.atByte(
                        name,
                        h.dataOffset(),
                        "the data section holds " + total + " samples, fewer than " + sweeps + " sweeps × "
                                + h.samplesPerEpisode() + " (lActualEpisodes × lNumSamplesPerEpisode)");
        }
        if (perChannel < 1)
            throw RecordingFormatException.atByte(
                    name, h.dataOffset(), "the data section holds " + total + " samples, less than one per channel");

        double[][][] data = new double[(int) sweeps][channels][(int) perChannel];
        convert(f.bytes(), h, data);

        double intervalS = h.sampleIntervalUs().scaleByPowerOfTen(-6).doubleValue();
        // Synch-array and tag times count fSynchTimeUnit µs, or samples of any channel when that is 0.
        double unitUs = h.synchTimeUnitUs() != 0 ? h.synchTimeUnitUs() : h.multiplexIntervalUs();
        double[] starts = sweepStarts(f, h, (int) sweeps, perChannel * intervalS, unitUs);
        List<Tag> tags = tags(f, h, unitUs);
        List<Channel> channelList = new ArrayList<>();
        for (AbfHeader.AdcChannel c : h.channels()) channelList.add(new Channel(c.name(), c.unit()));
        return new Recording(
                name,
                RecordingFormat.ABF,
                h.version(),
                AcquisitionMode.fromAbfOperationMode(h.operationMode()),
                intervalS,
                0,
                channelList,
                starts,
                data,
                tags,
                h.comment(),
                h.protocol(),
                h.records());
    }

    /** De-interleaves and scales; the loop is per sweep, sample, channel, the order the file stores them in. */
    private static void convert(byte[] b, AbfHeader h, double[][][] out) {
        int channels = out[0].length;
        int n = out[0][0].length;
        float[] factor = new float[channels];
        float[] shift = new float[channels];
        for (int c = 0; c < channels; c++) {
            factor[c] = h.channels().get(c).factor();
            shift[c] = h.channels().get(c).shift();
        }
        int at = (int) h.dataOffset();
        for (double[][] sweep : out) {
            if (h.floatData()) {
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < channels; c++) {
                        sweep[c][i] = (float) AbfBytes.FLOATS.get(b, at);
                        at += 4;
                    }
                }
            } else if (channels == 1) {
                double[] x = sweep[0];
                float k = factor[0];
                float s = shift[0];
                for (int i = 0; i < n; i++, at += 2) x[i] = (short) AbfBytes.SHORTS.get(b, at) * k + s;
            } else {
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < channels; c++) {
                        sweep[c][i] = (short) AbfBytes.SHORTS.get(b, at) * factor[c] + shift[c];
                        at += 2;
                    }
                }
            }
        }
    }

    /**
     * Each sweep's start from the synch array (Clampex records when every episode really began), else episodes
     * fEpisodeStartToStart apart, else back to back.
     */
    private static double[] sweepStarts(AbfBytes f, AbfHeader h, int sweeps, double sweepLengthS, double unitUs)
            throws RecordingFormatException {
        double[] starts = new double[sweeps];
        if (h.synchOffset() >= 0 && h.synchCount() >= sweeps && sweeps > 1) {
            for (int s = 0; s < sweeps; s++)
                starts[s] = f.u32(h.synchOffset() + 8L * s, "synch array start") * unitUs / 1e6;
            return starts;
        }
        double step = h.episodeStartToStartS() > 0 ? h.episodeStartToStartS() : sweepLengthS;
        for (int s = 0; s < sweeps; s++) starts[s] = s * step;
        return starts;
    }

    /** Tags: 64-byte entries (lTagTime, a 56-character comment, type, voice-tag number). */
    private static List<Tag> tags(AbfBytes f, AbfHeader h, double unitUs) throws RecordingFormatException {
        List<Tag> tags = new ArrayList<>();
        if (h.tagOffset() < 0) return tags;
        if (h.tagCount() < 0 || h.tagOffset() + 64 * h.tagCount() > f.length()) {
            throw RecordingFormatException.atByte(
                    f.name(),
                    Math.max(0, h.tagOffset()),
                    h.tagCount() + " tags of 64 " + "bytes from here would end past the end of the " + f.length()
                            + "-byte file");
        }
        for (long t = 0; t < h.tagCount(); t++) {
            long at = h.tagOffset() + 64 * t;
            tags.add(new Tag(f.u32(at, "lTagTime") * unitUs / 1e6, f.text(at + 4, 56, "sComment")));
        }
        return tags;
    }

    /**
     * Clampex holds the holding level for the first 1/64 of each episode before the first epoch (counted in
     * samples of all channels, kept a whole number of channel scans).
     */
    static int firstEpochSample(long samplesPerEpisode, int channels) {
        long holding = samplesPerEpisode / 64;
        holding -= holding % channels;
        return (int) (holding / channels);
    }

    /** One epoch; a duration that is negative or longer than the sweep in any sweep is a corrupt table. */
    static Protocol.Epoch epoch(
            AbfBytes f,
            long at,
            int type,
            float level,
            float levelDelta,
            int duration,
            int durationDelta,
            long sweepSamples,
            long sweeps)
            throws RecordingFormatException {
        Protocol.EpochType t = switch (type) {
            case 0 -> Protocol.EpochType.DISABLED;
            case 1 -> Protocol.EpochType.STEP;
            case 2 -> Protocol.EpochType.RAMP;
            case 3 -> Protocol.EpochType.PULSE;
            case 4 -> Protocol.EpochType.TRIANGLE;
            case 5 -> Protocol.EpochType.COSINE;
            case 7 -> Protocol.EpochType.BIPHASIC;
            default -> Protocol.EpochType.OTHER;
        };
        if (t != Protocol.EpochType.DISABLED) {
            long last = duration + (Math.max(1, sweeps) - 1) * (long) durationDelta;
            long bound = Math.max(sweepSamples, 1) * 64;
            if (duration < 0 || last < 0 || duration > bound || last > bound) {
                throw RecordingFormatException.atByte(
                        f.name(),
                        at,
                        "an epoch lasts " + duration + " samples (+" + durationDelta + " per sweep): expected 0 to "
                                + bound + " samples in every sweep");
            }
        }
        return new Protocol.Epoch(t, level, levelDelta, duration, durationDelta);
    }
}
