package org.signalanalyzer.dsp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.signalanalyzer.dsp.SharedData;

/** The real ATF files against what their own headers document (expected.json "documented"), and the desktop file. */
class AtfFilesTest {

    static Stream<String> atfFiles() {
        return ExpectedFiles.names().stream().filter(f -> f.endsWith(".atf"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("atfFiles")
    void firstDataRowIsReadExactlyAsPrinted(String file) throws Exception {
        JsonNode doc = ExpectedFiles.of(file).get("documented");
        Recording r = RecordingReaders.read(ExpectedFiles.path(file));
        JsonNode row = doc.get("firstDataRow");
        assertEquals(row.get(0).asDouble(), r.startTimeS(), 0.0, "time of the first row");
        // Every file here is interleaved sweep by sweep (Trace #1 signals, then Trace #2 ...), so column order is
        // sweep-major; the values must be the exact doubles of the printed decimals. (expected.json lists at
        // most the first few columns of wide files.)
        assertEquals(doc.get("columnCount").asInt(), 1 + r.sweepCount() * r.channelCount(), "columns");
        for (int column = 1; column < row.size(); column++) {
            int s = (column - 1) / r.channelCount();
            int c = (column - 1) % r.channelCount();
            assertEquals(row.get(column).asDouble(), r.sample(s, c, 0), 0.0, "column " + (column + 1));
        }
        assertEquals(
                doc.get("headerRecords").get("AcquisitionMode").asText(),
                r.acquisitionMode().label());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("atfFiles")
    void sweepStartTimesComeFromTheHeaderRecord(String file) throws Exception {
        String[] ms = ExpectedFiles.of(file)
                .get("documented")
                .get("headerRecords")
                .get("SweepStartTimesMS")
                .asText()
                .split(",");
        double[] starts = RecordingReaders.read(ExpectedFiles.path(file)).sweepStartTimesS();
        assertEquals(ms.length, starts.length);
        for (int s = 0; s < ms.length; s++) assertEquals(Double.parseDouble(ms[s]) / 1000, starts[s], 1e-12);
    }

    /** The desktop tool's sample recording: 109999 samples of 2 channels at 100 kHz (expected-desktop.json raw case). */
    @Test
    void desktopRecording() throws Exception {
        Recording r = RecordingReaders.read(SharedData.desktop("202304_0521.atf"));
        assertEquals(1, r.sweepCount());
        assertEquals(2, r.channelCount());
        assertEquals(109999, r.samplesPerSweep());
        assertEquals(100_000.0, r.sampleRateHz(), 100_000.0 * 1e-9);
        assertEquals(new Channel("Im", "pA"), r.channels().get(0));
        assertEquals(new Channel("I_MTest 1", "mV"), r.channels().get(1));
        double[] first5 = {2946.17, 3675.54, 2922.36, 1274.41, 330.2};
        for (int i = 0; i < 5; i++) assertEquals(first5[i], r.sample(0, 0, i), 0.0);
        assertEquals(3536.38, r.sample(0, 0, 109998), 0.0);
        assertEquals(4.752, r.sweepStartTimesS()[0], 1e-12);
    }
}
