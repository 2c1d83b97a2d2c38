package org.signalanalyzer.functions.recordings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.signalanalyzer.dsp.analysis.VoltageFromFileName;
import org.signalanalyzer.dsp.analysis.chargevoltage.SetMembership;
import org.signalanalyzer.dsp.io.Channel;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.Tag;

/**
 * A file of a session as the browser sees it (docs/api.md, FileDescription). Until {@code complete} has parsed the
 * upload ({@code status} "awaiting_upload") only the declared name, type and size are known.
 */
@Serdeable
public record FileDescription(
        String fileId,
        String fileName,
        String contentType,
        long sizeBytes,
        String status,
        @Nullable String format,
        @Nullable String formatVersion,
        @Nullable String acquisitionMode,
        @Nullable Integer sweepCount,
        @Nullable Integer samplesPerSweep,
        @Nullable Double sampleRateHz,
        @Nullable Double sampleIntervalS,
        @Nullable Double startTimeS,
        @Nullable Double durationS,
        @Nullable List<Channel> channels,
        @Nullable double[] sweepStartTimesS,
        @Nullable List<Tag> tags,
        @Nullable Double v2FromFileName,
        @Nullable String sha256,
        @Nullable Instant uploadedAt,
        @Nullable String setFromFileName,
        @Nullable Double setVoltageFromFileName) {

    public static final String KIND = "file";
    public static final String AWAITING_UPLOAD = "awaiting_upload";
    public static final String READY = "ready";
    /**
     * The description is a DynamoDB item (400 KB at most): the start times of more sweeps than this are kept only
     * in the stored form, and the description's {@code sweepStartTimesS} is null.
     */
    public static final int MAX_LISTED_SWEEP_STARTS = 1000;

    public static FileDescription declared(String fileId, String fileName, String contentType, long sizeBytes) {
        return new FileDescription(
                fileId,
                fileName,
                contentType,
                sizeBytes,
                AWAITING_UPLOAD,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /**
     * Parsed: what the reader found, the V2 the file's name tells (desktop rule), the bytes' SHA-256, and the set and
     * voltage a charge-voltage run reads from the name (the lab workbook's rules), so the browser can offer whole
     * sets and ask only for what a name does not tell.
     */
    public FileDescription ready(Recording r, String contentSha256, Instant uploadedAt) {
        OptionalDouble v2 = VoltageFromFileName.parse(fileName);
        return new FileDescription(
                fileId,
                fileName,
                contentType,
                sizeBytes,
                READY,
                r.format().name(),
                r.formatVersion(),
                r.acquisitionMode().label(),
                r.sweepCount(),
                r.samplesPerSweep(),
                r.sampleRateHz(),
                r.sampleIntervalS(),
                r.startTimeS(),
                r.samplesPerSweep() * r.sampleIntervalS(),
                r.channels(),
                r.sweepCount() <= MAX_LISTED_SWEEP_STARTS ? r.sweepStartTimesS() : null,
                r.tags(),
                v2.isPresent() ? v2.getAsDouble() : null,
                contentSha256,
                uploadedAt,
                SetMembership.setOf(fileName).orElse(null),
                setVoltage(fileName));
    }

    private static Double setVoltage(String fileName) {
        OptionalDouble v = SetMembership.voltageOf(fileName);
        return v.isPresent() ? v.getAsDouble() : null;
    }

    public boolean isReady() {
        return READY.equals(status);
    }
}
