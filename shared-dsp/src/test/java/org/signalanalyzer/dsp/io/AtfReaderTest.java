package org.signalanalyzer.dsp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** ATF variants the real files do not cover, written by hand after the ATF 1.0 layout Clampfit uses. */
class AtfReaderTest {

    private static Recording read(String text) throws RecordingFormatException {
        return RecordingReaders.read("test.atf", text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String EPISODIC = "ATF\t1.0\n"
            + "3\t5   \n"
            + "\"SweepStartTimesMS=0.000,250.000\"\n"
            + "\"AcquisitionMode=Episodic Stimulation\"\n"
            + "\"Signals=\"\t\"Im\"\t\"Vm\"\t\"Im\"\t\"Vm\"\n"
            + "\"Time (ms)\"\t\"Trace #1 (pA)\"\t\"Trace #1 (mV)\"\t\"Trace #2 (pA)\"\t\"Trace #2 (mV)\"\n"
            + "0\t1.5\t-80\t2.5\t-70\n"
            + "0.05\t1.6\t-80\t2.6\t-70\n"
            + "0.1\t1.7\t-80\t2.7\t-70\n";

    @Test
    void interleavedSweepsWithATimeColumnInMilliseconds() throws Exception {
        Recording r = read(EPISODIC);
        assertEquals(2, r.sweepCount());
        assertEquals(List.of(new Channel("Im", "pA"), new Channel("Vm", "mV")), r.channels());
        assertEquals(5e-5, r.sampleIntervalS(), 0.0);
        assertArrayEquals(new double[] {2.5, 2.6, 2.7}, r.samples(1, 0), 0.0);
        assertArrayEquals(new double[] {-80, -80, -80}, r.samples(0, 1), 0.0);
        assertArrayEquals(new double[] {0, 0.25}, r.sweepStartTimesS(), 1e-15);
        assertEquals(AcquisitionMode.EPISODIC_STIMULATION, r.acquisitionMode());
    }

    @Test
    void crlfNoFinalNewlineAndTrailingBlanksReadTheSame() throws Exception {
        Recording lf = read(EPISODIC);
        String crlf = EPISODIC.replace("\n", "  \t\r\n");
        Recording r = read(crlf.substring(0, crlf.length() - 2));
        assertArrayEquals(lf.samples(1, 0), r.samples(1, 0), 0.0);
        assertEquals(lf.sampleIntervalS(), r.sampleIntervalS(), 0.0);
        Recording cr = read(EPISODIC.replace("\n", "\r"));
        assertArrayEquals(lf.samples(0, 1), cr.samples(0, 1), 0.0);
    }

    @Test
    void sweepsGroupedBySignalInsteadOfBySweep() throws Exception {
        String text = "ATF\t1.0\n0\t5\n"
                + "\"Time (s)\"\t\"Trace #1 (pA)\"\t\"Trace #2 (pA)\"\t\"Trace #1 (mV)\"\t\"Trace #2 (mV)\"\n"
                + "0\t1\t2\t3\t4\n1e-4\t5\t6\t7\t8\n";
        Recording r = read(text);
        assertArrayEquals(new double[] {2, 6}, r.samples(1, 0), 0.0);
        assertArrayEquals(new double[] {3, 7}, r.samples(0, 1), 0.0);
        assertEquals("mV", r.channels().get(1).unit());
    }

    @Test
    void anExportOfSelectedSweepsKeepsThemInTraceOrder() throws Exception {
        String text = "ATF\t1.0\n1\t3\n\"SweepStartTimesMS=1000.000,4000.000\"\n"
                + "\"Time (s)\"\t\"Trace #5 (pA)\"\t\"Trace #2 (pA)\"\n0\t5\t2\n1e-4\t5.5\t2.5\n";
        Recording r = read(text);
        assertEquals(2, r.sweepCount());
        assertArrayEquals(new double[] {2, 2.5}, r.samples(0, 0), 0.0);
        assertArrayEquals(new double[] {5, 5.5}, r.samples(1, 0), 0.0);
        assertArrayEquals(new double[] {1, 4}, r.sweepStartTimesS(), 1e-12);
    }

    @Test
    void gapFreeWithSignalTitlesMicrosecondsAndANonZeroStart() throws Exception {
        String text = "ATF\t1.0\n2\t3\n\"Comment=hello\"\n\"AcquisitionMode=Gap Free\"\n"
                + "\"Time (\u00b5s)\"\t\"IN 0 (pA)\"\t\"IN 1\"\n"
                + "100\t1\t10\n"
                + "150\t2\t20\n"
                + "200\t3\t30\n";
        Recording r = read(text);
        assertEquals(AcquisitionMode.GAP_FREE, r.acquisitionMode());
        assertEquals(List.of(new Channel("IN 0", "pA"), new Channel("IN 1", "")), r.channels());
        assertEquals(5e-5, r.sampleIntervalS(), 0.0);
        assertEquals(1e-4, r.startTimeS(), 1e-18);
        assertEquals("hello", r.comment());
        assertEquals(1e-4 + 2 * 5e-5, r.timesS()[2], 1e-15);
    }

    @Test
    void latin1MicroSignInTheTimeTitle() throws Exception {
        byte[] b = "ATF\t1.0\n0\t2\n\"Time (\u00b5s)\"\t\"IN 0 (pA)\"\n0\t1\n20\t2\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(2e-5, RecordingReaders.read("x.atf", b).sampleIntervalS(), 0.0);
    }

    @Test
    void intervalIsTheShortestDecimalWithinThePrintedPrecision() throws Exception {
        StringBuilder s = new StringBuilder("ATF\t1.0\n0\t2\n\"Time (s)\"\t\"IN 0 (pA)\"\n");
        for (int i = 0; i < 150_000; i++) s.append(String.format(Locale.ROOT, "%.6g\t%d%n", i * 1e-5, i));
        Recording r = read(s.toString());
        assertEquals(100_000.0, r.sampleRateHz(), 1e-9);
    }

    @Test
    void badInputNamesTheLine() {
        RecordingFormatException e =
                assertThrows(RecordingFormatException.class, () -> read(EPISODIC.replace("0.05\t1.6", "0.05\t1.6x")));
        assertEquals(RecordingFormatException.PositionKind.LINE, e.positionKind());
        assertEquals(8, e.position());
        assertTrue(e.getMessage().contains("column 2"), e.getMessage());
        e = assertThrows(
                RecordingFormatException.class, () -> read(EPISODIC.replace("0.1\t1.7\t-80\t2.7\t-70", "0.1\t1.7")));
        assertEquals(9, e.position());
        e = assertThrows(RecordingFormatException.class, () -> read(EPISODIC.replace("0.05\t", "7\t")));
        assertTrue(e.getMessage().contains("equally spaced"), e.getMessage());
        e = assertThrows(RecordingFormatException.class, () -> read(EPISODIC.replace("Time (ms)", "Time (parsec)")));
        assertEquals(6, e.position());
        e = assertThrows(RecordingFormatException.class, () -> read(EPISODIC.replace("3\t5", "3\t6")));
        assertTrue(e.getMessage().contains("expected 6"), e.getMessage());
    }
}
