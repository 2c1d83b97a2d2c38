package org.signalanalyzer.dsp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code ../shared/data/real} against {@code expected.json}: ATF references come from an independent
 * float64 parse of the text (and agree with pyABF), ABF references from pyABF 2.3.8 (Myokit agrees) and the first
 * values Axon's ABFFIO.DLL gives.
 *
 * <p>Tolerances: sample rate 1e-9 relative. Sample statistics 1e-6 relative, except that a reference rounded to
 * k decimals (pyABF values to 5 or 6 decimals) cannot be closer than half a unit in its k-th decimal, which is larger
 * than 1e-6 relative for values near zero (pclamp11_4ch's mean -0.012806: 5e-7 absolute is 4e-5 relative).
 */
class RealRecordingsTest {

    static Stream<String> files() {
        return ExpectedFiles.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void shapeRateAndChannelsMatchTheReference(String file) throws Exception {
        JsonNode ref = ExpectedFiles.of(file).get("reference");
        Recording r = RecordingReaders.read(ExpectedFiles.path(file));
        assertEquals(ref.get("sweepCount").asInt(), r.sweepCount(), "sweep count");
        assertEquals(ref.get("samplesPerSweep").asInt(), r.samplesPerSweep(), "samples per sweep");
        double rate = ref.get("sampleRateHz").asDouble();
        assertEquals(rate, r.sampleRateHz(), rate * 1e-9, "sample rate");
        JsonNode channels = ref.get("channels");
        assertEquals(channels.size(), r.channelCount(), "channel count");
        for (int c = 0; c < channels.size(); c++) {
            JsonNode ch = channels.get(c);
            assertEquals(ch.get("name").asText(), r.channels().get(c).name(), "name of channel " + c);
            String unit = ch.get("unit").isNull() ? "" : ch.get("unit").asText();
            assertEquals(unit, r.channels().get(c).unit(), "unit of channel " + c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void sweepZeroChannelZeroMatchesTheReference(String file) throws Exception {
        JsonNode ref = ExpectedFiles.of(file).get("reference");
        JsonNode s = file.endsWith(".atf")
                ? ref.get("sweep0_channel0")
                : ref.get("sweep0").get(0);
        double[] x = RecordingReaders.read(ExpectedFiles.path(file)).samples(0, 0);
        DoubleSummaryStatistics stats = Arrays.stream(x).summaryStatistics();
        assertClose(s.get("mean"), stats.getAverage(), "mean");
        assertClose(s.get("min"), stats.getMin(), "min");
        assertClose(s.get("max"), stats.getMax(), "max");
        JsonNode first5 = s.get("first5");
        for (int i = 0; i < first5.size(); i++) assertClose(first5.get(i), x[i], "sample " + i);
    }

    static void assertClose(JsonNode expected, double actual, String what) {
        assertEquals(expected.asDouble(), actual, ExpectedFiles.tolerance(expected, 1e-6), what);
    }
}
