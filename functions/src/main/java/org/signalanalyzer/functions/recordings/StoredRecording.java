package org.signalanalyzer.functions.recordings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import org.signalanalyzer.dsp.io.Channel;
import org.signalanalyzer.dsp.io.Protocol;
import org.signalanalyzer.dsp.io.Tag;

/**
 * The JSON half of a parsed file's compact form: everything of the {@code Recording} except the samples, which
 * lie beside it as one little-endian float64 object per channel, its sweeps one after another (float64 keeps the
 * reader's values bit for bit, so an analysis of the stored form equals one of the original file).
 */
@Serdeable
public record StoredRecording(
        String sourceName,
        String format,
        String formatVersion,
        String acquisitionMode,
        double sampleIntervalS,
        double startTimeS,
        List<Channel> channels,
        double[] sweepStartTimesS,
        int sweepCount,
        int samplesPerSweep,
        List<Tag> tags,
        String comment,
        @Nullable Protocol protocol,
        Map<String, String> headerRecords,
        String sampleEncoding) {

    /** Per channel, sweep after sweep; the name changed with the layout (it was one object per sweep and channel). */
    public static final String FLOAT64_LE = "float64-le-channel-major";
}
