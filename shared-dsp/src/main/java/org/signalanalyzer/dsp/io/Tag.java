package org.signalanalyzer.dsp.io;

/** A comment the experimenter or the acquisition software attached to a moment of the recording. */
public record Tag(double timeS, String comment) {
    public Tag {
        comment = comment == null ? "" : comment;
    }
}
