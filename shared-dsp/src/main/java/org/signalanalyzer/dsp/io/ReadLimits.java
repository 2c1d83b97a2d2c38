package org.signalanalyzer.dsp.io;

/**
 * Bounds every reader enforces so that a hostile file cannot make it hang or allocate without limit. A file over
 * a limit is refused with a {@link RecordingFormatException} that names the limit.
 *
 * @param maxSamples       total samples over all sweeps and channels
 * @param maxHeaderBytes   the size of a text header, or of one ABF header section
 * @param maxChannels      signals in one recording
 * @param maxSweeps        sweeps in one recording
 * @param maxFileBytes     the file itself
 */
public record ReadLimits(long maxSamples, int maxHeaderBytes, int maxChannels, int maxSweeps, long maxFileBytes) {

    /** Generous for real lab data (a 50 MB upload holds at most ~25 M int16 samples), small enough for a Lambda. */
    public static final ReadLimits DEFAULT = new ReadLimits(100_000_000L, 1 << 20, 64, 100_000, 1L << 30);

    /** Refuses a file of {@code bytes} over {@link #maxFileBytes}, before any of it is parsed. */
    void checkFileSize(String name, long bytes) throws RecordingFormatException {
        if (bytes > maxFileBytes) {
            throw RecordingFormatException.whole(
                    name,
                    "the file is " + bytes + " bytes, over the limit of " + maxFileBytes
                            + " bytes (ReadLimits.maxFileBytes)");
        }
    }
}
