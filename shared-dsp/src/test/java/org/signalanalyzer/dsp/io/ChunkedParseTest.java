package org.signalanalyzer.dsp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.signalanalyzer.dsp.SharedData;

/**
 * The data block parsed in chunks on several threads gives bit for bit what one sequential pass gives, errors
 * included (message and line), wherever the cuts fall: on every real ATF file, and on generated blocks cut at every
 * byte (inside a CRLF, next to blank lines, before a last line without a line end, files of two rows).
 */
class ChunkedParseTest {

    private static final int SEQUENTIAL = Integer.MAX_VALUE;

    static Stream<Path> realAtfFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(
                SharedData.root().resolve("data/real"), SharedData.root().resolve("data/desktop"))) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".atf"))
                        .sorted()
                        .forEach(out::add);
            }
        }
        return out.stream();
    }

    /** Where an ATF's data block starts (after line 2's header count, the records and the titles). */
    private record Block(int from, long firstLine, int columns) {}

    private static Block block(String name, byte[] b) throws RecordingFormatException {
        TextCursor cur = new TextCursor(name, b, 0, ReadLimits.DEFAULT.maxHeaderBytes());
        cur.next();
        cur.next();
        String[] counts = cur.text().strip().split("\\s+");
        int records = Integer.parseInt(counts[0]);
        int columns = Integer.parseInt(counts[1]);
        for (int i = 0; i <= records; i++) cur.next();
        return new Block(cur.position(), cur.line() + 1, columns);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realAtfFiles")
    void everyRealFileParsesTheSameInChunks(Path file) throws Exception {
        byte[] b = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        Block k = block(name, b);
        NumberTable sequential =
                NumberTable.parse(name, b, k.from, k.firstLine, k.columns, ReadLimits.DEFAULT, SEQUENTIAL);
        assertMatchesParseDouble(b, k, sequential);
        for (int chunk : new int[] {1, 7, 100, 4093, 65_536, 300_000}) {
            NumberTable chunked = NumberTable.parse(name, b, k.from, k.firstLine, k.columns, ReadLimits.DEFAULT, chunk);
            assertSame(sequential, chunked, name + " in chunks of " + chunk + " bytes");
        }
        // And the way every reader calls it, which cuts a file of this size for the threads this machine has.
        NumberTable byDefault = NumberTable.parse(name, b, k.from, k.firstLine, k.columns, ReadLimits.DEFAULT);
        assertSame(sequential, byDefault, name + " with the default chunks");
    }

    /**
     * An oracle independent of the parser: split the block with String methods and Double.parseDouble every token.
     * The sequential parse promises exactly that double; the chunked parse is compared with it above.
     */
    private static void assertMatchesParseDouble(byte[] b, Block k, NumberTable t) {
        String text = new String(b, k.from, b.length - k.from, StandardCharsets.ISO_8859_1);
        int row = 0;
        for (String line : text.split("\r\n|\r|\n")) {
            if (line.isBlank()) continue;
            String[] fields = line.strip().split("[\t,;]");
            assertEquals(k.columns, fields.length, "fields in data row " + (row + 1));
            for (int c = 0; c < k.columns; c++) {
                long expected = Double.doubleToRawLongBits(Double.parseDouble(fields[c].strip()));
                if (expected != Double.doubleToRawLongBits(t.columns()[c][row])) {
                    fail("row " + (row + 1) + " column " + (c + 1) + ": '" + fields[c] + "' parsed as "
                            + t.columns()[c][row]);
                }
            }
            row++;
        }
        assertEquals(row, t.rows(), "rows");
    }

    private static void assertSame(NumberTable expected, NumberTable actual, String what) {
        assertEquals(expected.rows(), actual.rows(), what + ": rows");
        assertEquals(expected.firstTimeDigit(), actual.firstTimeDigit(), what + ": first time digit");
        assertEquals(expected.lastTimeDigit(), actual.lastTimeDigit(), what + ": last time digit");
        assertEquals(expected.coarsestDigit(), actual.coarsestDigit(), what + ": coarsest time digit");
        assertEquals(expected.columns().length, actual.columns().length, what + ": columns");
        for (int c = 0; c < expected.columns().length; c++) {
            double[] e = expected.columns()[c];
            double[] a = actual.columns()[c];
            assertEquals(e.length, a.length, what + ": length of column " + c);
            for (int i = 0; i < e.length; i++) {
                if (Double.doubleToRawLongBits(e[i]) != Double.doubleToRawLongBits(a[i])) {
                    fail(what + ": column " + c + " row " + i + " is " + a[i] + ", sequentially " + e[i]);
                }
            }
        }
    }

    @Test
    void generatedBlocksCutAtEveryByte() throws Exception {
        Random random = new Random(14);
        String[] lineEnds = {"\n", "\r\n", "\r"};
        for (int trial = 0; trial < 300; trial++) {
            int columns = 1 + random.nextInt(4);
            int rows = 2 + random.nextInt(trial < 30 ? 2 : 12);
            StringBuilder s = new StringBuilder();
            for (int r = 0; r < rows; r++) {
                if (random.nextInt(6) == 0)
                    s.append(random.nextBoolean() ? " \t" : "").append(lineEnd(random, lineEnds));
                if (random.nextInt(8) == 0) s.append(' ');
                s.append(time(random, r));
                for (int c = 1; c < columns; c++) s.append(separator(random)).append(value(random));
                if (random.nextInt(5) == 0) s.append(random.nextBoolean() ? " " : "\t");
                boolean last = r == rows - 1;
                if (!last || random.nextInt(3) > 0) s.append(lineEnd(random, lineEnds));
            }
            if (random.nextInt(5) == 0) s.append(lineEnd(random, lineEnds)).append(random.nextBoolean() ? "  " : "");
            assertEveryCutGivesTheSame(s.toString(), columns, "trial " + trial);
        }
    }

    @Test
    void errorsAreTheSameWhereverTheCutsFall() throws Exception {
        Random random = new Random(1414);
        String[] bad = {"x", "1..2", "", "\t\t", "nan", "1e", "--3"};
        for (int trial = 0; trial < 200; trial++) {
            int rows = 3 + random.nextInt(8);
            int badRow = random.nextInt(rows);
            StringBuilder s = new StringBuilder();
            for (int r = 0; r < rows; r++) {
                s.append(time(random, r)).append('\t');
                s.append(r == badRow ? bad[random.nextInt(bad.length)] : value(random));
                if (r == badRow && random.nextBoolean()) s.append("\t7");
                s.append(random.nextBoolean() ? "\r\n" : "\n");
            }
            assertEveryCutGivesTheSame(s.toString(), 2, "trial " + trial);
        }
        // Too few rows: the line named is the one after the block, however it was cut.
        assertEveryCutGivesTheSame("0\t1\r\n\r\n  \n", 2, "one row and blank lines");
    }

    private static void assertEveryCutGivesTheSame(String block, int columns, String what) {
        byte[] b = ("header line\n" + block).getBytes(StandardCharsets.ISO_8859_1);
        int from = "header line\n".length();
        NumberTable expected = null;
        String expectedError = null;
        try {
            expected = NumberTable.parse("g.atf", b, from, 2, columns, ReadLimits.DEFAULT, SEQUENTIAL);
        } catch (RecordingFormatException e) {
            expectedError = e.getMessage();
        }
        for (int chunk = 1; chunk <= block.length() + 1; chunk++) {
            String where = what + " in chunks of " + chunk + " bytes: " + visible(block);
            if (expectedError == null) {
                try {
                    assertSame(
                            expected,
                            NumberTable.parse("g.atf", b, from, 2, columns, ReadLimits.DEFAULT, chunk),
                            where);
                } catch (RecordingFormatException e) {
                    fail(where + ": sequentially fine, in chunks '" + e.getMessage() + "'");
                }
            } else {
                int c = chunk;
                RecordingFormatException e = assertThrows(
                        RecordingFormatException.class,
                        () -> NumberTable.parse("g.atf", b, from, 2, columns, ReadLimits.DEFAULT, c),
                        where);
                assertEquals(expectedError, e.getMessage(), where);
            }
        }
    }

    @Test
    void cutsFallOnLineStartsAndNeverInsideACrlf() {
        byte[] b = "ab\r\ncd\ref\ngh".getBytes(StandardCharsets.ISO_8859_1);
        for (int chunk = 1; chunk <= b.length + 1; chunk++) {
            int[] bounds = NumberTable.chunkBounds(b, 0, chunk);
            assertEquals(0, bounds[0]);
            assertEquals(b.length, bounds[bounds.length - 1]);
            for (int i = 1; i < bounds.length - 1; i++) {
                int p = bounds[i];
                assertTrue(bounds[i] > bounds[i - 1], "increasing");
                assertTrue(b[p - 1] == '\n' || (b[p - 1] == '\r' && b[p] != '\n'), "cut at " + p + " starts a line");
            }
        }
    }

    private static String lineEnd(Random random, String[] ends) {
        return ends[random.nextInt(ends.length)];
    }

    private static String separator(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> ",";
            case 1 -> ";";
            case 2 -> " ";
            case 3 -> " \t ";
            default -> "\t";
        };
    }

    private static String time(Random random, int row) {
        return switch (random.nextInt(3)) {
            case 0 -> (row + 1) + "e-5";
            case 1 -> String.valueOf(row * 0.0001);
            default -> String.valueOf(row);
        };
    }

    private static String value(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> String.valueOf(random.nextGaussian() * 100);
            case 1 -> String.format(Locale.ROOT, "%.3f", random.nextGaussian() * 80);
            case 2 -> random.nextInt(2000) - 1000 + "e" + (random.nextInt(40) - 20);
            case 3 -> "0";
            default -> "-" + random.nextInt(100) + "." + random.nextInt(10000);
        };
    }

    private static String visible(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}
