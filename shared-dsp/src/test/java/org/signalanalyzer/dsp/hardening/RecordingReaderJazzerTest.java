package org.signalanalyzer.dsp.hardening;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.signalanalyzer.dsp.io.RecordingFormatException;
import org.signalanalyzer.dsp.io.RecordingReaders;

/**
 * Coverage-guided (Jazzer): any bytes as a recording (the readers detect the format by content, not by name). A
 * Recording or a {@link RecordingFormatException} is fine; anything else is a finding. In {@code mvn test} it replays
 * the inputs under {@code RecordingReaderJazzerTestInputs/read/} (the seeds and every crash Jazzer saved, such as the
 * mixed-line-end ATF that once indexed past NumberTable's rows). Fuzzing: as {@link FilterChainJazzerTest}, with
 * {@code -Dtest=RecordingReaderJazzerTest}.
 */
class RecordingReaderJazzerTest {

    @FuzzTest(maxDuration = "60s")
    void read(FuzzedDataProvider data) {
        try {
            RecordingReaders.read("x.atf", data.consumeRemainingAsBytes());
        } catch (RecordingFormatException refused) {
            // the typed refusal: fine
        }
    }
}
