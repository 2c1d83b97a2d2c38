package org.signalanalyzer.dsp.io;

/** The file formats the readers understand. */
public enum RecordingFormat {
    ATF,
    ABF,
    CSV
}
