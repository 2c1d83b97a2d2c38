package org.signalanalyzer.dsp.io;

/** Abf reader: being written (issue 2). */
public final class AbfReader {
    private final ReadLimits limits;

    public AbfReader(ReadLimits limits) { this.limits = limits; }

    public Recording read(String name, byte[] content) throws RecordingFormatException {
        throw RecordingFormatException.whole(name, "this format is not supported yet");
    }

}
