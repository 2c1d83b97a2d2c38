package org.signalanalyzer.dsp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real ABF files against what their sources document: pyABF header dumps, the first values Axon's ABFFIO.DLL
 * gives (pyABF's tests/test_values.py, 5 decimals), pyABF sweep hashes (8 decimals) and Myokit's test facts.
 */
class AbfFilesTest {

    static Stream<String> abfFiles() {
        return ExpectedFiles.names().stream().filter(f -> f.endsWith(".abf"));
    }

    static Stream<String> documentedByPyabf() {
        return abfFiles().filter(f -> ExpectedFiles.of(f).get("documented").has("pyabf_header_page"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedByPyabf")
    void firstValueOfEveryChannelIsWhatAbffioGives(String file) throws Exception {
        JsonNode values = ExpectedFiles.of(file)
                .get("documented")
                .get("first_value_sweep0_per_channel_ABFFIO")
                .get("values");
        Recording r = RecordingReaders.read(ExpectedFiles.path(file));
        assertEquals(values.size(), r.channelCount());
        for (int c = 0; c < values.size(); c++) {
            // ABFFIO values are printed to 5 decimals: half a unit there, or 1e-6 relative for large values.
            assertEquals(
                    values.get(c).asDouble(),
                    r.sample(0, c, 0),
                    ExpectedFiles.tolerance(values.get(c), 1e-6),
                    "channel " + c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedByPyabf")
    void headerFactsMatchThePyabfHeaderDump(String file) throws Exception {
        JsonNode h = ExpectedFiles.of(file).get("documented").get("pyabf_header_page");
        Recording r = RecordingReaders.read(ExpectedFiles.path(file));
        assertEquals(h.get("abfVersionString").asText(), r.formatVersion());
        assertEquals(
                AcquisitionMode.fromAbfOperationMode(h.get("nOperationMode").asInt()), r.acquisitionMode());
        assertEquals(h.get("sweepCount").asInt(), r.sweepCount());
        assertEquals(h.get("sweepPointCount").asInt(), r.samplesPerSweep());
        assertEquals(h.get("dataSecPerPoint").asDouble(), r.sampleIntervalS(), 1e-15);
        for (int c = 0; c < r.channelCount(); c++) {
            assertEquals(h.get("adcNames").get(c).asText(), r.channels().get(c).name());
            assertEquals(h.get("adcUnits").get(c).asText(), r.channels().get(c).unit());
        }
        String path = r.headerRecords().getOrDefault("protocolPath", "");
        String stem = path.substring(path.lastIndexOf('\\') + 1).replaceFirst("\\.pro$", "");
        // pyABF reports no protocol (null) for an unsaved one, "(untitled)" in the strings section.
        String protocol =
                h.get("protocol").isNull() ? "(untitled)" : h.get("protocol").asText();
        assertEquals(protocol, stem);
        JsonNode times = h.get("tagTimesSec");
        JsonNode comments = h.get("tagComments");
        assertEquals(times.size(), r.tags().size(), "tags");
        for (int t = 0; t < times.size(); t++) {
            assertEquals(times.get(t).asDouble(), r.tags().get(t).timeS(), 1e-9, "tag " + t + " time");
            // pyABF drops non-ASCII bytes ("r\u00e9sultats" → "rsultats"); the file's Latin-1 text is kept here.
            assertEquals(comments.get(t).asText(), r.tags().get(t).comment().replaceAll("[^\\x00-\\x7F]", ""));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedByPyabf")
    void sweepHashesMatchPyabf(String file) throws Exception {
        JsonNode hashes =
                ExpectedFiles.of(file).get("documented").get("sweep_hashes").get("values");
        Recording r = RecordingReaders.read(ExpectedFiles.path(file));
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) hashes::fields) {
            String[] key = e.getKey().split(" ");
            int sweep = Integer.parseInt(key[0].substring(2));
            int channel = Integer.parseInt(key[1].substring(2));
            double[] x = r.samples(sweep, channel);
            JsonNode v = e.getValue();
            assertEquals(v.get("points").asInt(), x.length, e.getKey());
            // pyABF works in float32 (7 significant digits); its 8-decimal values carry that error, so 1e-6 relative.
            assertEquals(v.get("first").asDouble(), x[0], ExpectedFiles.tolerance(v.get("first"), 1e-6), e.getKey());
            assertEquals(
                    v.get("last").asDouble(),
                    x[x.length - 1],
                    ExpectedFiles.tolerance(v.get("last"), 1e-6),
                    e.getKey());
            assertEquals(
                    v.get("stdev").asDouble(),
                    populationStd(x),
                    ExpectedFiles.tolerance(v.get("stdev"), 1e-6),
                    e.getKey());
        }
    }

    private static double populationStd(double[] x) {
        double mean = 0;
        for (double v : x) mean += v;
        mean /= x.length;
        double ss = 0;
        for (double v : x) ss += (v - mean) * (v - mean);
        return Math.sqrt(ss / x.length);
    }

    /** Myokit's test_read_v2 facts: 37 sweeps 5 s apart; 25 ms steps to -100 … +80 mV (5 mV apart) from -120 mV. */
    @Test
    void abf2EpochTableAndSweepStartsMatchMyokit() throws Exception {
        Recording r = RecordingReaders.read(ExpectedFiles.path("abf-v2.abf"));
        assertEquals(37, r.sweepCount());
        double[] starts = r.sweepStartTimesS();
        for (int s = 0; s < 37; s++) assertEquals(5.0 * s, starts[s], 1e-9);
        Protocol p = r.protocol().orElseThrow();
        assertEquals("Cmd 0", p.commandName());
        assertEquals("mV", p.commandUnit());
        assertEquals(-120.0, p.holdingLevel(), 0.0);
        // Clampex starts the epochs after 1/64 of the 516-sample sweep: 8 samples.
        assertEquals(8, p.firstEpochSample());
        for (int s : new int[] {0, 20, 36}) {
            List<Protocol.LevelChange> changes = p.levelChanges(s);
            assertEquals(2, changes.size());
            assertEquals(new Protocol.LevelChange(8, -120, -100 + 5.0 * s), changes.get(0));
            assertEquals(new Protocol.LevelChange(8 + 500, -100 + 5.0 * s, -120), changes.get(1));
        }
        assertEquals(500 / r.sampleRateHz(), 0.025, 1e-12);
    }

    /** ABF1 epoch table (extended header, DAC 0) and sweep starts from the synch array (fSynchTimeUnit 12.5 µs). */
    @Test
    void abf1EpochTableAndSweepStarts() throws Exception {
        Recording r = RecordingReaders.read(ExpectedFiles.path("05210017_vc_abf1.abf"));
        Protocol p = r.protocol().orElseThrow();
        assertEquals("Cmd 0", p.commandName());
        assertEquals(-70.0, p.holdingLevel(), 0.0);
        assertEquals(120_000 / 64 / 2, p.firstEpochSample());
        // The episodes were recorded 60 s apart (fEpisodeStartToStart), though each lasts 3 s.
        double[] starts = r.sweepStartTimesS();
        for (int s = 0; s < starts.length; s++) assertEquals(60.0 * s, starts[s], 1e-9);
        List<Protocol.LevelChange> changes = p.levelChanges(0);
        assertEquals(new Protocol.LevelChange(937 + 100, -70, -80), changes.get(0));
        assertEquals(new Protocol.LevelChange(937 + 100 + 1000, -80, -70), changes.get(1));
    }

    /**
     * The true interval, not a rounded rate: a 2480 µs interval is 403.2258 Hz (pyABF's integer dataRate says 403).
     * ABF2 stores the per-channel fADCSequenceInterval; ABF1 the interval between any two samples, which a
     * 2-channel file multiplies by 2.
     */
    @Test
    void sampleIntervalIsTheTrueOneInBothVersions() throws Exception {
        byte[] v2 = Files.readAllBytes(ExpectedFiles.path("abf-v2.abf"));
        ByteBuffer b2 = ByteBuffer.wrap(v2).order(ByteOrder.LITTLE_ENDIAN);
        b2.putFloat(512 * b2.getInt(76) + 2, 2480f);
        assertEquals(1e6 / 2480, RecordingReaders.read("v2.abf", v2).sampleRateHz(), 1e-9 * 403);
        assertEquals(403.2258, RecordingReaders.read("v2.abf", v2).sampleRateHz(), 0.5e-4);

        byte[] v1 = Files.readAllBytes(ExpectedFiles.path("05210017_vc_abf1.abf"));
        ByteBuffer.wrap(v1).order(ByteOrder.LITTLE_ENDIAN).putFloat(122, 1240f);
        assertEquals(1e6 / 2480, RecordingReaders.read("v1.abf", v1).sampleRateHz(), 1e-9 * 403);
    }

    /**
     * Float32 data (nDataFormat 1) holds user units directly. No real float file is in the set, so abf-v2.abf is
     * rewritten: its scaled samples appended as float32 in a new block, the DataSection pointed there.
     */
    @Test
    void float32DataIsReadAsStored() throws Exception {
        byte[] original = Files.readAllBytes(ExpectedFiles.path("abf-v2.abf"));
        Recording ints = RecordingReaders.read("abf-v2.abf", original);
        int n = ints.sweepCount() * ints.samplesPerSweep();
        int block = (original.length + 511) / 512;
        byte[] b = Arrays.copyOf(original, block * 512 + 4 * n);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort(30, (short) 1);
        buf.putInt(76 + 16 * 10, block);
        buf.putInt(76 + 16 * 10 + 4, 4);
        int at = block * 512;
        for (int sweep = 0; sweep < ints.sweepCount(); sweep++) {
            for (double v : ints.samples(sweep, 0)) {
                buf.putFloat(at, (float) v);
                at += 4;
            }
        }
        Recording floats = RecordingReaders.read("float.abf", b);
        for (int sweep = 0; sweep < ints.sweepCount(); sweep++) {
            assertArrayEquals(ints.samples(sweep, 0), floats.samples(sweep, 0), 0.0);
        }
    }

    @Test
    void telegraphedGainIsApplied() throws Exception {
        // Channel 0 of 05210017 is telegraphed with an additional gain of 20; without it every value would be 20×.
        // pyABF's float32 value (sweep hash, 8 decimals) is the same float32 ABFFIO computes.
        Recording r = RecordingReaders.read(ExpectedFiles.path("05210017_vc_abf1.abf"));
        assertEquals((float) -136.29148865, (float) r.sample(0, 0, 0), 0f);
        assertEquals((float) 11625.36621094, (float) r.sample(0, 1, 0), 0f);
    }
}
