package org.signalanalyzer.functions.recordings;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.signalanalyzer.dsp.io.AcquisitionMode;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingFormat;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.BlobStore;

/**
 * A parsed recording in the blob store, beside its upload: {@code recording.json} ({@link StoredRecording}) and
 * {@code s{sweep}c{channel}.f64}. Plotting reads only the byte range of the window it draws.
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
        for (int s = 0; s < r.sweepCount(); s++) {
            for (int c = 0; c < r.channelCount(); c++) {
                byte[] bytes = r.withSamplesOwnedBy(s, c, RecordingArchive::encode);
                blobs.put(BlobKeys.fileObject(sessionId, fileId, samplesName(s, c)), bytes, "application/octet-stream");
            }
        }
        StoredRecording stored = new StoredRecording(r.sourceName(), r.format().name(), r.formatVersion(),
                r.acquisitionMode().name(), r.sampleIntervalS(), r.startTimeS(), r.channels(), r.sweepStartTimesS(),
                r.sweepCount(), r.samplesPerSweep(), r.tags(), r.comment(), r.protocol().orElse(null),
                r.headerRecords(), StoredRecording.FLOAT64_LE);
        blobs.put(BlobKeys.fileObject(sessionId, fileId, DESCRIPTION), write(stored), "application/json");
    }

    /** The whole recording, as the reader produced it. */
    public Recording load(String sessionId, String fileId) {
        StoredRecording d = description(sessionId, fileId);
        double[][][] data = new double[d.sweepCount()][d.channels().size()][];
        for (int s = 0; s < d.sweepCount(); s++) {
            for (int c = 0; c < d.channels().size(); c++) {
                byte[] bytes = blobs.get(BlobKeys.fileObject(sessionId, fileId, samplesName(s, c)))
                        .orElseThrow(() -> missing(fileId));
                data[s][c] = decode(bytes);
            }
        }
        return new Recording(d.sourceName(), RecordingFormat.valueOf(d.format()), d.formatVersion(),
                AcquisitionMode.valueOf(d.acquisitionMode()), d.sampleIntervalS(), d.startTimeS(), d.channels(),
                d.sweepStartTimesS(), data, d.tags(), d.comment(), d.protocol(), d.headerRecords());
    }

    public StoredRecording description(String sessionId, String fileId) {
        byte[] bytes = blobs.get(BlobKeys.fileObject(sessionId, fileId, DESCRIPTION)).orElseThrow(() -> missing(fileId));
        try {
            return json.readValue(bytes, StoredRecording.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the stored description of file " + fileId + " is damaged", e);
        }
    }

    /** Samples [from, to) of one sweep and channel, reading only those bytes. */
    public double[] samples(String sessionId, String fileId, int sweep, int channel, int from, int to) {
        byte[] bytes = blobs.getRange(BlobKeys.fileObject(sessionId, fileId, samplesName(sweep, channel)),
                (long) from * Double.BYTES, (long) (to - from) * Double.BYTES);
        return decode(bytes);
    }

    static String samplesName(int sweep, int channel) {
        return "s" + sweep + "c" + channel + ".f64";
    }

    private static byte[] encode(double[] samples) {
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(samples);
        return buffer.array();
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

    private static IllegalStateException missing(String fileId) {
        return new IllegalStateException("the parsed form of file " + fileId + " is missing from storage");
    }
}
