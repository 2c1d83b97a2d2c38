package org.signalanalyzer.dsp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReaderTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Recording read(String text) throws RecordingFormatException {
        return RecordingReaders.read("test.csv", bytes(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t"})
    void separatorsAndUnitBearingTitles(String sep) throws Exception {
        String text = String.join(sep, "Time (s)", "Im (pA)", "Vm [mV]") + "\n"
                + String.join(sep, "0", "1.5", "-80") + "\n"
                + String.join(sep, "0.0001", "2.5", "-79.5") + "\n"
                + String.join(sep, "0.0002", "3.5", "-79") + "\n";
        assertEquals(RecordingFormat.CSV, RecordingReaders.detect("x.csv", bytes(text)));
        Recording r = read(text);
        assertEquals(List.of(new Channel("Im", "pA"), new Channel("Vm", "mV")), r.channels());
        assertEquals(10_000.0, r.sampleRateHz(), 1e-9 * 10_000);
        assertArrayEquals(new double[] {-80, -79.5, -79}, r.samples(0, 1), 0.0);
        assertEquals(1, r.sweepCount());
    }

    @Test
    void timeInMillisecondsFromASuffixQuotesCommentsAndCrlf() throws Exception {
        String text = "# exported by a script\r\n\"time_ms\", \"I (nA)\"\r\n5, 1\r\n5.02, 2\r\n5.04, 3";
        Recording r = read(text);
        assertEquals(2e-5, r.sampleIntervalS(), 0.0);
        assertEquals(5e-3, r.startTimeS(), 1e-18);
        assertEquals(new Channel("I", "nA"), r.channels().get(0));
        assertArrayEquals(new double[] {1, 2, 3}, r.samples(0, 0), 0.0);
    }

    @Test
    void detectionIsByContentNotName() throws Exception {
        assertTrue(CsvReader.looksLikeCsv(bytes("t [ms],x\n0,1\n")));
        assertFalse(CsvReader.looksLikeCsv(bytes("name,value\nfoo,1\n")));
        assertFalse(CsvReader.looksLikeCsv(bytes("Time (s),Im (pA)\nabc,1\n")));
        assertFalse(CsvReader.looksLikeCsv(bytes("just some words\n")));
        assertEquals(
                RecordingFormat.CSV, RecordingReaders.detect("recording.atf", bytes("Time (s),Im (pA)\n0,1\n1,2\n")));
    }

    @Test
    void decimalCommaAndEmptyFieldsAreErrorsWithTheLine() {
        RecordingFormatException e =
                assertThrows(RecordingFormatException.class, () -> read("Time (s);Im (pA)\n0;1,5\n0,1;2,5\n"));
        assertEquals(2, e.position());
        assertTrue(e.getMessage().contains("decimal commas"), e.getMessage());
        // Commas between fields and in numbers: more commas than the header has.
        e = assertThrows(RecordingFormatException.class, () -> read("Time (s),Im (pA)\n0,00001,-12,5\n"));
        assertTrue(e.getMessage().contains("decimal commas"), e.getMessage());
        e = assertThrows(RecordingFormatException.class, () -> read("# exported\nTime (s)\tIm (pA)\n0,5\t-12,5\n"));
        assertEquals(3, e.position(), "the first data line, after a comment and the header");
        assertTrue(e.getMessage().contains("decimal commas"), e.getMessage());
        e = assertThrows(RecordingFormatException.class, () -> read("Time (s),A (pA),B (pA)\n0,1,2\n1,,3\n"));
        assertEquals(3, e.position());
        assertEquals(RecordingFormatException.PositionKind.LINE, e.positionKind());
        e = assertThrows(RecordingFormatException.class, () -> read("Time (parsec),A (pA)\n0,1\n1,2\n"));
        assertEquals(1, e.position());
    }
}
