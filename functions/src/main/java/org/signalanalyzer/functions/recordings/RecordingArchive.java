package org.signalanalyzer.functions.recordings;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import org.signalanalyzer.dsp.io.AcquisitionMode;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingFormat;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.BlobMissingException;
import org.signalanalyzer.functions.store.BlobStore;

/**
 * A parsed recording in the blob store: {@code recording.json} ({@link StoredRecording}) and one object per
 * channel, {@code c{channel}.f64}, holding every sweep of that channel one after another as little-endian float64.
 * A handful of objects whatever the sweep count (a 100,000-sweep file is two puts, not 100,000); plotting reads
 * only the byte range of the window it draws: sample {@code i} of sweep {@code s} lies at
 * {@code (s * samplesPerSweep + i) * 8}.
 */
@Singleton
public class RecordingArchive {

    static final String DESCRIPTION = "recording.json";

    private final BlobStore blobs;
    private final JsonMapper json;

    public RecordingArchive(BlobStore blobs, JsonMapper json) {
        this.blobs = blobs;
        this.json = json;
    }

    /** Writes the samples first and the description last: a reader never finds a description without data. */
    public void store(String sessionId, String fileId, Recording r) {
        int n = r.samplesPerSweep();
        for (int c = 0; c < r.channelCount(); c++) {
            ByteBuffer buffer = ByteBuffer.allocate(
                            Math.multiplyExact(Math.multiplyExact(r.sweepCount(), n), Double.BYTES))
                    .order(ByteOrder.LITTLE_ENDIAN);
            DoubleBuffer doubles = buffer.asDoubleBuffer();
            for (int s = 0; s < r.sweepCount(); s++) {
                r.withSamplesOwnedBy(s, c, doubles::put);
            }
            blobs.put(
                    BlobKeys.fileObject(sessionId, fileId, samplesName(c)), buffer.array(), "application/octet-stream");
        }
        StoredRecording stored = new StoredRecording(
                r.sourceName(),
                r.format().name(),
                r.formatVersion(),
                r.acquisitionMode().name(),
                r.sampleIntervalS(),
                r.startTimeS(),
                r.channels(),
                r.sweepStartTimesS(),
                r.sweepCount(),
                r.samplesPerSweep(),
                r.tags(),
                r.comment(),
                r.protocol().orElse(null),
                r.headerRecords(),
                StoredRecording.FLOAT64_LE);
        blobs.put(BlobKeys.fileObject(sessionId, fileId, DESCRIPTION), write(stored), "application/json");
    }

    /** The whole recording, as the reader produced it. */
    public Recording load(String sessionId, String fileId) {
        StoredRecording d = description(sessionId, fileId);
        int n = d.samplesPerSweep();
        double[][][] data = new double[d.sweepCount()][d.channels().size()][];
        for (int c = 0; c < d.channels().size(); c++) {
            byte[] bytes = blobs.get(BlobKeys.fileObject(sessionId, fileId, samplesName(c)))
                    .orElseThrow(() -> missing(fileId));
            if (bytes.length != (long) d.sweepCount() * n * Double.BYTES) {
                throw new IllegalStateException("the stored samples of channel " + c + " of file " + fileId + " are "
                        + bytes.length + " bytes, not " + d.sweepCount() + " sweeps of " + n);
            }
            DoubleBuffer doubles =
                    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
            for (int s = 0; s < d.sweepCount(); s++) {
                data[s][c] = new double[n];
                doubles.get(data[s][c]);
            }
        }
        return new Recording(
                d.sourceName(),
                RecordingFormat.valueOf(d.format()),
                d.formatVersion(),
                AcquisitionMode.valueOf(d.acquisitionMode()),
                d.sampleIntervalS(),
                d.startTimeS(),
                d.channels(),
                d.sweepStartTimesS(),
                data,
                d.tags(),
                d.comment(),
                d.protocol(),
                d.headerRecords());
    }

    public StoredRecording description(String sessionId, String fileId) {
        byte[] bytes =
                blobs.get(BlobKeys.fileObject(sessionId, fileId, DESCRIPTION)).orElseThrow(() -> missing(fileId));
        try {
            return json.readValue(bytes, StoredRecording.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the stored description of file " + fileId + " is damaged", e);
        }
    }

    /**
     * Samples [from, to) of one sweep and channel of a file whose sweeps hold {@code samplesPerSweep} samples,
     * reading only those bytes.
     */
    public double[] samples(
            String sessionId, String fileId, int samplesPerSweep, int sweep, int channel, int from, int to) {
        if (from < 0 || to < from || to > samplesPerSweep || sweep < 0) {
            throw new IndexOutOfBoundsException(
                    "samples [" + from + ", " + to + ") of sweep " + sweep + " in sweeps of " + samplesPerSweep);
        }
        long offset = ((long) sweep * samplesPerSweep + from) * Double.BYTES;
        byte[] bytes = blobs.getRange(
                BlobKeys.fileObject(sessionId, fileId, samplesName(channel)),
                offset,
                (long) (to - from) * Double.BYTES);
        return decode(bytes);
    }

    static String samplesName(int channel) {
        return "c" + channel + ".f64";
    }

    private static double[] decode(byte[] bytes) {
        double[] samples = new double[bytes.length / Double.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(samples);
        return samples;
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BlobMissingException missing(String fileId) {
        return new BlobMissingException("the parsed form of file " + fileId + " is missing from storage");
    }
}
