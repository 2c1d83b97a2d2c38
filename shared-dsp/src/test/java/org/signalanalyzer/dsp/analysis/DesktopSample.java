package org.signalanalyzer.dsp.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import org.signalanalyzer.dsp.SharedData;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingReaders;

/**
 * The desktop's sample recording (../shared/data/desktop/202304_0521.atf) read as the analysis tests use it: the
 * recording, and the analysis input (name and bytes) a result's provenance is made from.
 */
public record DesktopSample(Recording recording, StepProtocolAnalysis.Input input) {

    public static final String FILE = "202304_0521.atf";

    public static DesktopSample read() throws Exception {
        Path file = SharedData.desktop(FILE);
        byte[] bytes = Files.readAllBytes(file);
        return new DesktopSample(RecordingReaders.read(FILE, bytes), StepProtocolAnalysis.Input.of(FILE, bytes));
    }
}
