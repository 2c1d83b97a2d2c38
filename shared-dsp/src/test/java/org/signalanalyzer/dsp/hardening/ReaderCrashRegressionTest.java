package org.signalanalyzer.dsp.hardening;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.io.RecordingFormatException;
import org.signalanalyzer.dsp.io.RecordingReaders;

/**
 * Inputs the coverage-guided fuzzer (bench/jazzer) found that made a reader throw something other than the typed
 * error; each must now end in a recording or a {@link RecordingFormatException}.
 */
class ReaderCrashRegressionTest {

    /**
     * An ATF whose column-title line breaks inside an unclosed quote (one title where the header promises two
     * columns), then a data row with a lone CR: NumberTable.parse sized its columns by the LF line ends only and
     * wrote a row past them (ArrayIndexOutOfBoundsException). bench/jazzer/.../RecordingReaderFuzzTestInputs/read/crash-atf-number-table-index.
     */
    private static final byte[] ATF_TITLE_SHORTER_THAN_HEADER = {
        65, 84, 70, 9, 49, 46, 48, 10, 48, 9, 50, 10, 34, 77, 105, 109, 101, 32, 40, 115, 41, 34, 9, 34, 84, 114, 97,
        -99, -11, -10, -35, -42, 52, -50, 6, -50, -102, 44, -53, 42, -58, 46, 53, 10, 50, 101, 45, 52, 9, 51, 13, 46,
        53, 10
    };

    @Test
    void anAtfWithFewerTitlesThanColumnsIsRefusedWithAPosition() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                RecordingReaders.read("crash.atf", ATF_TITLE_SHORTER_THAN_HEADER);
            } catch (RecordingFormatException refused) {
                return;
            } catch (RuntimeException e) {
                fail("the reader threw " + e + " instead of RecordingFormatException", e);
            }
        });
    }
}
