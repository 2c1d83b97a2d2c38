package org.signalanalyzer.dsp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same recording as Clampfit's ATF export and as the ABF Clampex wrote: sample by sample, the ABF value must
 * round to what the ATF prints. The printed precision is taken from each ATF token itself (half a unit in its last
 * printed digit: "-10.498" → ±0.0005). Both programs compute the same float32 (ABFFIO's scaling), so no more slack
 * is needed than 1e-9 relative for the decimal-to-binary conversion of the bound itself.
 */
class PairedFormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"18702001-step", "model_vc_step"})
    void atfAndAbfAgreeToTheAtfPrintedPrecision(String stem) throws Exception {
        Recording abf = RecordingReaders.read(ExpectedFiles.path(stem + ".abf"));
        Recording atf = RecordingReaders.read(ExpectedFiles.path(stem + ".atf"));
        assertEquals(abf.sweepCount(), atf.sweepCount());
        assertEquals(abf.channelCount(), atf.channelCount());
        assertEquals(abf.samplesPerSweep(), atf.samplesPerSweep());
        assertEquals(abf.sampleRateHz(), atf.sampleRateHz(), 1e-9 * abf.sampleRateHz());
        assertEquals(abf.channels(), atf.channels());
        assertArrayEquals(abf.sweepStartTimesS(), atf.sweepStartTimesS(), 1e-9);

        List<String> lines = Files.readAllLines(ExpectedFiles.path(stem + ".atf"), StandardCharsets.ISO_8859_1);
        int header = Integer.parseInt(lines.get(1).trim().split("\\s+")[0]);
        int firstData = 2 + header + 1;
        int compared = 0;
        double worstUlps = 0;
        for (int i = 0; i < atf.samplesPerSweep(); i++) {
            String[] tokens = lines.get(firstData + i).split("\t");
            for (int s = 0; s < atf.sweepCount(); s++) {
                for (int c = 0; c < atf.channelCount(); c++) {
                    BigDecimal printed = new BigDecimal(tokens[1 + s * atf.channelCount() + c]);
                    double halfUnit = 0.5 * printed.ulp().doubleValue();
                    double a = abf.sample(s, c, i);
                    double tolerance = halfUnit * (1 + 1e-9);
                    assertEquals(printed.doubleValue(), a, tolerance, "sweep " + s + " channel " + c + " sample " + i);
                    assertEquals(printed.doubleValue(), atf.sample(s, c, i), 0.0);
                    worstUlps = Math.max(worstUlps, Math.abs(printed.doubleValue() - a) / (2 * halfUnit));
                    compared++;
                }
            }
        }
        assertEquals((long) atf.sweepCount() * atf.channelCount() * atf.samplesPerSweep(), compared);
        System.out.printf(
                "%s: %d samples agree; worst difference %.3f units of the ATF's last printed digit%n",
                stem, compared, worstUlps);
    }
}
