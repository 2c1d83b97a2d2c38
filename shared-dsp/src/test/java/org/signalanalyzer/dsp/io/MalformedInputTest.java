package org.signalanalyzer.dsp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed, truncated and hostile input: every reader ends in a Recording or in a RecordingFormatException that
 * names a position, never in another exception, a hang or an allocation the file does not justify.
 */
class MalformedInputTest {

    static Stream<String> files() {
        return ExpectedFiles.names().stream();
    }

    /** Reads {@code content}; fails the test on anything but a Recording or the typed exception. */
    static RecordingFormatException outcome(String what, byte[] content) {
        try {
            RecordingReaders.read(what, content);
            return null;
        } catch (RecordingFormatException e) {
            return e;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }

    private static void assertPositioned(RecordingFormatException e, String what) {
        assertNotEquals(RecordingFormatException.PositionKind.NONE, e.positionKind(), what + ": " + e.getMessage());
        assertTrue(e.position() >= 0, what);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void truncationsGiveTheTypedErrorWithAPosition(String file) throws Exception {
        byte[] all = Files.readAllBytes(ExpectedFiles.path(file));
        boolean binary = file.endsWith(".abf");
        int count = 0;
        long dataEnd = binary ? abfDataEnd(all) : all.length;
        // Every byte of the first KiB (the headers), then 100 offsets spread over the rest.
        int[] offsets = new int[1024 + 100];
        for (int i = 0; i < 1024; i++) offsets[i] = 1 + i;
        for (int i = 0; i < 100; i++) offsets[1024 + i] = (int) (1024 + (long) (all.length - 1025) * i / 100);
        for (int cut : offsets) {
            if (cut >= all.length) continue;
            String what = file + " cut at " + cut;
            RecordingFormatException e = outcome(what, Arrays.copyOf(all, cut));
            // An ABF cut before its last sample is missing data the header promises.
            if (binary && cut < dataEnd && e == null) fail(what + ": read without error");
            if (e != null) {
                assertPositioned(e, what);
                count++;
            }
        }
        assertTrue(count > 0, file + ": no truncation was refused");
    }

    /** Where an ABF's samples end, from the header fields the readers use (independently computed here). */
    private static long abfDataEnd(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (b[3] == '2') {
            int section = 76 + 16 * 10;
            return 512L * buf.getInt(section) + (long) buf.getInt(section + 4) * buf.getLong(section + 8);
        }
        return 512L * buf.getInt(40) + (buf.getShort(100) == 0 ? 2L : 4L) * buf.getInt(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void randomByteFlipsNeverEscapeAsAnotherException(String file) throws Exception {
        byte[] all = Files.readAllBytes(ExpectedFiles.path(file));
        Random rnd = new Random(file.hashCode() * 31L + 2);
        for (int trial = 0; trial < 40; trial++) {
            byte[] b = all.clone();
            int flips = 1 + rnd.nextInt(8);
            // Mostly the header, where one flipped bit changes the meaning of everything after it.
            int span = rnd.nextBoolean() ? Math.min(b.length, 8192) : b.length;
            for (int k = 0; k < flips; k++) b[rnd.nextInt(span)] ^= (byte) (1 << rnd.nextInt(8));
            RecordingFormatException e = outcome(file + " flip trial " + trial, b);
            if (e != null) assertPositioned(e, file + " flip trial " + trial);
        }
    }

    @Test
    void emptyFileIsRefused() {
        RecordingFormatException e =
                assertThrows(RecordingFormatException.class, () -> RecordingReaders.read("empty.abf", new byte[0]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void textThatIsNotARecordingIsRefusedAtByteZero() {
        RecordingFormatException e = assertThrows(
                RecordingFormatException.class,
                () -> RecordingReaders.read(
                        "notes.atf", "Dear diary,\nthe cell died at 3 pm.\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(RecordingFormatException.PositionKind.BYTE_OFFSET, e.positionKind());
        assertEquals(0, e.position());
        e = assertThrows(
                RecordingFormatException.class,
                () -> RecordingReaders.read("x.atf", "ATF\t1.0\nnot counts\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, e.position());
    }

    @Test
    void abf2DataSectionClaimingATerabyteIsRefusedBeforeAllocating() throws Exception {
        byte[] b = Files.readAllBytes(ExpectedFiles.path("abf-v2.abf"));
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(76 + 16 * 10 + 8, 1L << 40);
        RecordingFormatException e =
                assertThrows(RecordingFormatException.class, () -> RecordingReaders.read("huge.abf", b));
        assertEquals(RecordingFormatException.PositionKind.BYTE_OFFSET, e.positionKind());
        assertTrue(e.getMessage().contains("DataSection"), e.getMessage());
    }

    @Test
    void abf1HeaderClaimingHugeCountsIsRefused() throws Exception {
        byte[] b = Files.readAllBytes(ExpectedFiles.path("05210017_vc_abf1.abf"));
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(10, Integer.MAX_VALUE);
        RecordingFormatException e =
                assertThrows(RecordingFormatException.class, () -> RecordingReaders.read("huge.abf", b));
        assertTrue(e.getMessage().contains("ReadLimits.maxSamples"), e.getMessage());
        buf.putInt(10, 720_000);
        buf.putInt(16, Integer.MAX_VALUE);
        e = assertThrows(RecordingFormatException.class, () -> RecordingReaders.read("huge.abf", b));
        assertTrue(e.getMessage().contains("ReadLimits.maxSweeps"), e.getMessage());
        buf.putInt(16, 6);
        buf.putShort((short) 120, (short) 30_000);
        e = assertThrows(RecordingFormatException.class, () -> RecordingReaders.read("huge.abf", b));
        assertEquals(120, e.position());
    }

    @Test
    void atfClaimingMillionsOfColumnsOrRecordsIsRefused() {
        RecordingFormatException e = assertThrows(
                RecordingFormatException.class,
                () -> RecordingReaders.read("x.atf", "ATF\t1.0\n8\t999999999\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, e.position());
        assertTrue(e.getMessage().contains("ReadLimits"), e.getMessage());
        byte[] manyRecords =
                ("ATF\t1.0\n999999999\t2\n" + "\"A=1\"\n".repeat(300_000)).getBytes(StandardCharsets.UTF_8);
        e = assertThrows(RecordingFormatException.class, () -> RecordingReaders.read("x.atf", manyRecords));
        assertTrue(e.getMessage().contains("ReadLimits.maxHeaderBytes"), e.getMessage());
    }

    @Test
    void limitsAreNamedWhenASmallerBudgetIsSet() throws Exception {
        byte[] b = Files.readAllBytes(ExpectedFiles.path("model_vc_step.atf"));
        ReadLimits tight = new ReadLimits(10_000, 1 << 20, 64, 100_000, 1L << 30);
        RecordingFormatException e = assertThrows(
                RecordingFormatException.class, () -> RecordingReaders.read("model_vc_step.atf", b, tight));
        assertTrue(e.getMessage().contains("ReadLimits.maxSamples"), e.getMessage());
    }

    /**
     * Named hostile cases found while reviewing the readers (the mutation fuzz found no crash): a time column
     * whose interval underflows to 0 s (the Recording constructor would throw IllegalArgumentException) or whose
     * start overflows to infinity.
     */
    @Test
    void timeColumnsThatUnderflowOrOverflowAreTypedErrors() {
        StringBuilder tiny = new StringBuilder("ATF\t1.0\n0\t2\n\"Time (s)\"\t\"A (pA)\"\n");
        for (int i = 0; i < 100; i++) tiny.append(i == 99 ? "1e-323" : "0").append("\t1\n");
        RecordingFormatException e = outcome("tiny.atf", tiny.toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(e != null && e.positionKind() == RecordingFormatException.PositionKind.LINE, String.valueOf(e));
        String huge = "ATF\t1.0\n0\t2\n\"Time (min)\"\t\"A (pA)\"\n1e308\t1\n1.0000000000000001e308\t1\n"
                + "1.0000000000000002e308\t1\n";
        e = outcome("huge.atf", huge.getBytes(StandardCharsets.UTF_8));
        assertTrue(e != null && e.positionKind() == RecordingFormatException.PositionKind.LINE, String.valueOf(e));
    }

    /** Arrays were once sized by the line count alone: 5 MB of empty lines asked for 2 × 5 M doubles. */
    @Test
    void aFileOfEmptyLinesIsRefusedWithoutSizingArraysByItsLineCount() {
        byte[] b = new byte[5_000_000];
        Arrays.fill(b, (byte) '\n');
        byte[] head = "ATF\t1.0\n0\t2\n\"Time (s)\"\t\"A (pA)\"\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, b, 0, head.length);
        RecordingFormatException e = outcome("blank.atf", b);
        assertTrue(e != null && e.getMessage().contains("at least two data rows"), String.valueOf(e));
    }
}
