package org.signalanalyzer.dsp.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/**
 * The data block of a text recording: rows of numbers, the first column the time. Parsed straight from the bytes
 * (see {@link DecimalParser}) into one array per column, keeping the printed precision of each time so the
 * sample interval can be recovered exactly.
 *
 * <p>Fields are separated by one tab, comma or semicolon, or by spaces, with blanks allowed around them; two
 * separators in a row are an empty field, which is an error (never a silent shift of columns).
 *
 * @param columns        one array per column, {@code rows} long
 * @param rows           data rows
 * @param firstTimeDigit the power of ten of the first time's last printed digit (-5 for "1.09998")
 * @param lastTimeDigit  the same for the last time
 * @param coarsestDigit  the largest such power over all non-zero times (the loosest printed precision)
 */
record NumberTable(double[][] columns, int rows, int firstTimeDigit, int lastTimeDigit, int coarsestDigit) {

    /** Below this, a parse stays on the caller's thread: handing work to another thread costs more than it saves. */
    private static final int MIN_PARALLEL_BYTES = 256 * 1024;

    static NumberTable parse(String name, byte[] b, int from, long firstLine, int columns, ReadLimits limits)
            throws RecordingFormatException {
        int bytes = b.length - from;
        int threads = ParseWorkers.threads();
        // A few chunks per thread, so a thread slowed by other work on the machine takes fewer of them.
        int chunkBytes = threads == 1 || bytes < MIN_PARALLEL_BYTES
                ? Integer.MAX_VALUE
                : Math.max(MIN_PARALLEL_BYTES / 4, bytes / (4 * threads));
        return parse(name, b, from, firstLine, columns, limits, chunkBytes);
    }

    /**
     * Parses the block in chunks of about {@code chunkBytes}, cut at line ends (rows never span lines), on the
     * caller and {@link ParseWorkers}; the result, errors included, is the same whatever the chunk size.
     */
    static NumberTable parse(
            String name, byte[] b, int from, long firstLine, int columns, ReadLimits limits, int chunkBytes)
            throws RecordingFormatException {
        int n = b.length;
        int[] bounds = chunkBounds(b, from, chunkBytes);
        int chunks = bounds.length - 1;
        // Every line end the row loop accepts (LF, CRLF and a lone CR, mixed in any way), so the rows cannot
        // outnumber the arrays.
        int[] lineEnds = new int[chunks];
        ParseWorkers.run(chunks, k -> lineEnds[k] = LineCounter.lineEnds(b, bounds[k], bounds[k + 1]));
        long totalLineEnds = 0;
        for (int e : lineEnds) totalLineEnds += e;
        boolean unterminated = n > from && b[n - 1] != '\n' && b[n - 1] != '\r';
        // A row of c numbers takes at least 2c bytes (digit, separator or line end), so a file of empty lines
        // cannot make the arrays larger than the bytes that could fill them.
        long maxRows = Math.min(totalLineEnds + (unterminated ? 1 : 0), (n - from) / (2L * columns) + 1);
        if (maxRows * columns > limits.maxSamples()) {
            throw RecordingFormatException.atLine(
                    name,
                    firstLine,
                    "the data block holds up to " + maxRows + " rows × " + columns + " columns, over the limit of "
                            + limits.maxSamples() + " samples (ReadLimits.maxSamples)");
        }
        // Each chunk gets room for its own bound, so chunks write side by side into the same arrays.
        int[] offset = new int[chunks + 1];
        long[] startLine = new long[chunks];
        long line = firstLine;
        for (int k = 0; k < chunks; k++) {
            int chunkSize = bounds[k + 1] - bounds[k];
            long room =
                    Math.min(lineEnds[k] + (k == chunks - 1 && unterminated ? 1L : 0L), chunkSize / (2L * columns) + 1);
            offset[k + 1] = (int) Math.min(Integer.MAX_VALUE - 16, offset[k] + room);
            startLine[k] = line;
            line += lineEnds[k];
        }
        double[][] cols = new double[columns][offset[chunks]];
        Chunk[] parsed = new Chunk[chunks];
        ParseWorkers.run(
                chunks,
                k -> parsed[k] =
                        Chunk.parse(name, b, bounds[k], bounds[k + 1], startLine[k], columns, cols, offset[k]));

        int rows = 0;
        int firstTimeDigit = 0;
        int lastTimeDigit = 0;
        int coarsestTimeDigit = Integer.MIN_VALUE;
        for (int k = 0; k < chunks; k++) {
            Chunk c = parsed[k];
            if (c.error instanceof RecordingFormatException e) throw e;
            if (c.error instanceof RuntimeException e) throw e;
            if (c.error instanceof Error e) throw e;
            if (c.rows == 0) continue;
            if (rows == 0) firstTimeDigit = c.firstTimeDigit;
            lastTimeDigit = c.lastTimeDigit;
            coarsestTimeDigit = Math.max(coarsestTimeDigit, c.coarsestTimeDigit);
            // Blank lines left a chunk's room partly empty: close the gap (rare; never in a writer's export).
            if (offset[k] != rows) {
                for (double[] col : cols) System.arraycopy(col, offset[k], col, rows, c.rows);
            }
            rows += c.rows;
        }
        long endLine = parsed[chunks - 1].endLine;
        if (rows < 2)
            throw RecordingFormatException.atLine(
                    name,
                    endLine,
                    "expected at least two data rows (the " + "sample interval comes from the time column), found "
                            + rows);
        if (rows < cols[0].length) {
            for (int c = 0; c < columns; c++) cols[c] = Arrays.copyOf(cols[c], rows);
        }
        return new NumberTable(cols, rows, firstTimeDigit, lastTimeDigit, coarsestTimeDigit);
    }

    /**
     * Chunk starts from {@code from}, each the start of a line, and {@code b.length} last. A cut is made after
     * the first line end at or past each multiple of {@code chunkBytes}, never between the CR and LF of a CRLF.
     */
    static int[] chunkBounds(byte[] b, int from, int chunkBytes) {
        int n = b.length;
        int[] bounds = new int[8];
        int count = 0;
        bounds[count++] = from;
        int p = from;
        while (n - p > chunkBytes) {
            int q = p + chunkBytes;
            while (q < n && b[q] != '\n' && b[q] != '\r') q++;
            if (q < n && b[q] == '\r' && q + 1 < n && b[q + 1] == '\n') q++;
            if (q >= n - 1) break;
            p = q + 1;
            if (count == bounds.length) bounds = Arrays.copyOf(bounds, count * 2);
            bounds[count++] = p;
        }
        if (count == bounds.length) bounds = Arrays.copyOf(bounds, count + 1);
        bounds[count++] = n;
        return Arrays.copyOf(bounds, count);
    }

    /** One chunk's rows, written at {@code offset} in the shared column arrays, or the first error in it. */
    private static final class Chunk {
        int rows;
        long endLine;
        int firstTimeDigit;
        int lastTimeDigit;
        int coarsestTimeDigit = Integer.MIN_VALUE;
        Throwable error;

        static Chunk parse(
                String name, byte[] b, int from, int to, long firstLine, int columns, double[][] cols, int offset) {
            Chunk chunk = new Chunk();
            try {
                chunk.rows(name, b, from, to, firstLine, columns, cols, offset);
            } catch (RecordingFormatException | RuntimeException | Error e) {
                chunk.error = e;
            }
            return chunk;
        }

        /** The rows of the lines that start in [from, to); {@code to} is a line start or the end of the file. */
        private void rows(
                String name, byte[] b, int from, int to, long firstLine, int columns, double[][] cols, int offset)
                throws RecordingFormatException {
            int n = b.length;
            DecimalParser num = new DecimalParser();
            int row = offset;
            long line = firstLine;
            int p = from;
            while (p < to) {
                int q = p;
                while (q < n && (b[q] == ' ' || b[q] == '\t')) q++;
                if (q >= n) break;
                if (b[q] == '\r' || b[q] == '\n') {
                    p = skipLineEnd(b, q);
                    line++;
                    continue;
                }
                for (int c = 0; c < columns; c++) {
                    if (c > 0) {
                        // The common case, one tab or comma then a digit or sign, without the general rules' checks.
                        byte sep = q + 1 < n ? b[q] : 0;
                        byte next = q + 1 < n ? b[q + 1] : 0;
                        if ((sep == '\t' || sep == ',' || sep == ';')
                                && (next == '-' || (next >= '0' && next <= '9'))) {
                            q++;
                        } else {
                            q = separator(name, b, q, line, c, columns);
                        }
                    }
                    if (!num.parse(b, q, n)) {
                        throw RecordingFormatException.atLine(
                                name, line, "expected a number in column " + (c + 1) + ", found '" + token(b, q) + "'");
                    }
                    cols[c][row] = num.value();
                    if (c == 0) {
                        lastTimeDigit = num.lastDigitExponent();
                        if (row == offset) firstTimeDigit = lastTimeDigit;
                        if (lastTimeDigit > coarsestTimeDigit && num.value() != 0) coarsestTimeDigit = lastTimeDigit;
                    }
                    q = num.end();
                }
                while (q < n && (b[q] == ' ' || b[q] == '\t' || b[q] == ',' || b[q] == ';')) q++;
                if (q < n && b[q] != '\r' && b[q] != '\n') {
                    throw RecordingFormatException.atLine(
                            name, line, "expected " + columns + " numbers, found more: '" + token(b, q) + "'");
                }
                row++;
                line++;
                p = q < n ? skipLineEnd(b, q) : n;
            }
            rows = row - offset;
            endLine = line;
        }
    }

    private static int separator(String name, byte[] b, int q, long line, int c, int columns)
            throws RecordingFormatException {
        int n = b.length;
        int start = q;
        if (q >= n || b[q] == '\r' || b[q] == '\n') {
            throw RecordingFormatException.atLine(name, line, "expected " + columns + " numbers, found " + c);
        }
        while (q < n && b[q] == ' ') q++;
        if (q < n && (b[q] == '\t' || b[q] == ',' || b[q] == ';')) {
            q++;
            while (q < n && b[q] == ' ') q++;
        } else if (q == start) {
            throw RecordingFormatException.atLine(
                    name,
                    line,
                    "expected a separator (tab, comma, semicolon or space) " + "before column " + (c + 1) + ", found '"
                            + token(b, q) + "'");
        }
        if (q >= n || b[q] == '\r' || b[q] == '\n') {
            throw RecordingFormatException.atLine(name, line, "expected " + columns + " numbers, found " + c);
        }
        return q;
    }

    private static int skipLineEnd(byte[] b, int q) {
        if (b[q] == '\r' && q + 1 < b.length && b[q + 1] == '\n') return q + 2;
        return q + 1;
    }

    static String token(byte[] b, int at) {
        int e = at;
        while (e < b.length && e - at < 40 && !DecimalParser.isDelimiter(b[e])) e++;
        return TextCursor.decode(b, at, e);
    }

    /**
     * The sample interval in the time column's unit. Writers print times with few digits (Clampfit: 1.09998), so
     * the span over all rows divided by their count is exact only to the printed precision; within that
     * precision, the decimal with the fewest digits is the interval the writer used (1e-05, not 1.0000000000909e-05).
     */
    BigDecimal sampleInterval(String name, long firstLine) throws RecordingFormatException {
        double first = columns[0][0];
        double last = columns[0][rows - 1];
        if (!(last > first))
            throw RecordingFormatException.atLine(
                    name,
                    firstLine,
                    "expected the time column to " + "increase, but the last row's time " + last
                            + " is not after the first " + first);
        BigDecimal span = new BigDecimal(last).subtract(new BigDecimal(first));
        BigDecimal interval = span.divide(BigDecimal.valueOf(rows - 1L), MathContext.DECIMAL64);
        double bound = (DecimalParser.halfUlp(first, firstTimeDigit) + DecimalParser.halfUlp(last, lastTimeDigit))
                / (rows - 1);
        for (int digits = 1; digits <= 16; digits++) {
            BigDecimal r = interval.round(new MathContext(digits));
            if (Math.abs(r.subtract(interval).doubleValue()) <= bound) return r;
        }
        return interval;
    }

    /**
     * A time column with jumps (concatenated sweeps, gaps) cannot be described by one sample interval. The line
     * named is that of the data row when the block has no blank lines (the usual case).
     */
    void checkEquallySpaced(String name, double interval, long firstLine) throws RecordingFormatException {
        double[] t = columns[0];
        double t0 = t[0];
        // Half a sample, plus the rounding of the printed times (the loosest printed precision, for every row).
        double tolerance = 0.5 * interval
                + DecimalParser.halfUlp(t0, firstTimeDigit)
                + (coarsestDigit == Integer.MIN_VALUE ? 0 : DecimalParser.halfUlp(1, coarsestDigit));
        for (int i = 0; i < rows; i++) {
            double expected = t0 + i * interval;
            if (Math.abs(t[i] - expected) > tolerance) {
                throw RecordingFormatException.atLine(
                        name,
                        firstLine + i,
                        "data row " + (i + 1) + ": expected "
                                + "equally spaced times (about " + expected
                                + " here, from the first row and the interval "
                                + interval + "), found " + t[i]);
            }
        }
    }

    /**
     * The interval and start in seconds, refused if the time column's numbers make either useless (an interval
     * that underflows to 0, a start that overflows).
     */
    double[] secondsIntervalAndStart(String name, long firstLine, BigDecimal interval, BigDecimal secondsPerUnit)
            throws RecordingFormatException {
        double intervalS = interval.multiply(secondsPerUnit).doubleValue();
        double startS = columns[0][0] * secondsPerUnit.doubleValue();
        if (!(intervalS > 0) || !Double.isFinite(intervalS) || !Double.isFinite(startS)) {
            throw RecordingFormatException.atLine(
                    name,
                    firstLine,
                    "the time column gives a sample interval of " + intervalS + " s from " + startS
                            + " s: expected a positive, finite interval and start");
        }
        return new double[] {intervalS, startS};
    }

    /** Seconds per unit of a time column: s, ms, µs (us), min; null for anything else. */
    static BigDecimal secondsPer(String unit) {
        return switch (unit) {
            case "", "s", "sec" -> BigDecimal.ONE;
            case "ms" -> new BigDecimal("1e-3");
            case "us", "\u00b5s", "\u03bcs" -> new BigDecimal("1e-6");
            case "min" -> BigDecimal.valueOf(60);
            default -> null;
        };
    }
}
