package org.signalanalyzer.jazzer;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.signalanalyzer.dsp.io.RecordingFormatException;
import org.signalanalyzer.dsp.io.RecordingReaders;

/**
 * Coverage-guided: any bytes (the readers detect the format by content, not by name). A Recording or a RecordingFormatException is
 * fine; anything else is a finding.
 */
class RecordingReaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void read(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        String name = "x.atf";
        try {
            RecordingReaders.read(name, bytes);
        } catch (RecordingFormatException refused) {
            // the typed refusal: fine
        }
    }
}
