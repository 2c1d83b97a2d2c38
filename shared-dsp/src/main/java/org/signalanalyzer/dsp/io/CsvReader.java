package org.signalanalyzer.dsp.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A table of numbers with a header line: the first column the time ({@code Time (s)}, {@code time_ms},
 * {@code t [ms]}), the others signals whose unit is in the title ({@code Im (pA)}, {@code Vm [mV]}); separated by
 * commas, semicolons or tabs, with a decimal point. Lines starting with '#' before the header are comments. One
 * sweep.
 */
public final class CsvReader {

    private final ReadLimits limits;

    public CsvReader(ReadLimits limits) {
        this.limits = limits;
    }

    public Recording read(String name, byte[] b) throws RecordingFormatException {
        limits.checkFileSize(name, b.length);
        TextCursor cur = headerLine(name, b, limits.maxHeaderBytes());
        if (cur == null)
            throw RecordingFormatException.atLine(
                    name,
                    1,
                    "expected a header line naming the columns " + "(\"Time (s),Im (pA)\"), found an empty file");
        String header = cur.text();
        char separator = separator(header);
        List<String> fields = TextCursor.fields(header, separator);
        while (fields.size() > 2 && fields.get(fields.size() - 1).isEmpty()) fields.remove(fields.size() - 1);
        if (fields.size() < 2)
            throw RecordingFormatException.atLine(
                    name,
                    cur.line(),
                    "expected a time column and "
                            + "at least one signal, separated by commas, semicolons or tabs; found '"
                            + TextCursor.abbreviate(header) + "'");
        if (fields.size() - 1 > limits.maxChannels())
            throw RecordingFormatException.atLine(
                    name,
                    cur.line(),
                    (fields.size() - 1) + " signal columns, over the limit of " + limits.maxChannels()
                            + " (ReadLimits.maxChannels)");
        TimeTitle time = timeTitle(fields.get(0));
        if (time == null)
            throw RecordingFormatException.atLine(
                    name,
                    cur.line(),
                    "expected the first column to be "
                            + "the time, titled like 'Time (s)', 'time_ms' or 't [ms]'; found '"
                            + TextCursor.abbreviate(fields.get(0)) + "'");
        BigDecimal secondsPer = NumberTable.secondsPer(time.unit);
        if (secondsPer == null)
            throw RecordingFormatException.atLine(
                    name,
                    cur.line(),
                    "the time column's unit '" + time.unit + "' is not a time unit: expected s, ms, µs (or us) or min");
        List<Channel> channels = new ArrayList<>();
        for (int c = 1; c < fields.size(); c++) {
            ColumnTitle t = ColumnTitle.parse(fields.get(c));
            channels.add(new Channel(t.name().isEmpty() ? "Signal " + (c - 1) : t.name(), t.unit()));
        }

        refuseDecimalCommas(name, b, cur, separator, fields.size());
        NumberTable data = NumberTable.parse(name, b, cur.position(), cur.line() + 1, fields.size(), limits);
        BigDecimal interval = data.sampleInterval(name, cur.line() + 1);
        data.checkEquallySpaced(name, interval.doubleValue(), cur.line() + 1);
        double[] seconds = data.secondsIntervalAndStart(name, cur.line() + 1, interval, secondsPer);
        double[][][] sweeps = new double[1][channels.size()][];
        for (int c = 0; c < channels.size(); c++) sweeps[0][c] = data.columns()[c + 1];
        return new Recording(
                name,
                RecordingFormat.CSV,
                "",
                AcquisitionMode.GAP_FREE,
                seconds[0],
                seconds[1],
                channels,
                new double[] {0},
                sweeps,
                List.of(),
                "",
                null,
                Map.of("separator", String.valueOf(separator)));
    }

    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d,\\d");

    /**
     * A table saved with decimal commas (a German or Hungarian locale: {@code 0,00001;-12,5}) would otherwise be
     * refused for its field count, which does not tell the person what to change. Decided on the first data line:
     * with semicolons or tabs between fields, a comma between digits can only be a decimal comma; with commas between
     * fields, more commas than the header has can be.
     */
    private static void refuseDecimalCommas(String name, byte[] b, TextCursor header, char separator, int columns)
            throws RecordingFormatException {
        TextCursor cur = new TextCursor(name, b, header.position(), 64 * 1024);
        String line = null;
        long lineNumber = header.line();
        try {
            while (cur.next()) {
                lineNumber++;
                if (!cur.text().isBlank()) {
                    line = cur.text();
                    break;
                }
            }
        } catch (RecordingFormatException overlong) {
            return; // a first line this long is not a table of two numbers; the parser says what it is
        }
        if (line == null || !DECIMAL_COMMA.matcher(line).find()) return;
        long commas = line.chars().filter(c -> c == ',').count();
        if (separator != ',' || commas > columns - 1) {
            throw RecordingFormatException.atLine(
                    name,
                    lineNumber,
                    "the numbers are written with decimal commas ('"
                            + TextCursor.abbreviate(line)
                            + "'); save the table with a decimal point (e.g. 0.00001) or export "
                            + "it from a program set to an English number format");
        }
    }

    /** The header line, after a byte-order mark, blank lines and '#' comments; null if there is none. */
    private static TextCursor headerLine(String name, byte[] b, int maxHeaderBytes) throws RecordingFormatException {
        int start = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        TextCursor cur = new TextCursor(name, b, start, maxHeaderBytes);
        while (cur.next()) {
            String t = cur.text().strip();
            if (!t.isEmpty() && !t.startsWith("#")) return cur;
        }
        return null;
    }

    /** The separator the header uses most: tab, then semicolon, then comma on a tie. */
    private static char separator(String header) {
        long tabs = header.chars().filter(c -> c == '\t').count();
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        if (tabs >= semicolons && tabs >= commas && tabs > 0) return '\t';
        if (semicolons >= commas && semicolons > 0) return ';';
        return ',';
    }

    private record TimeTitle(String unit) {}

    /** "Time (s)", "time [ms]", "t", "time_ms", "Time_us" → the unit; null if the title is not a time. */
    private static TimeTitle timeTitle(String title) {
        ColumnTitle t = ColumnTitle.parse(title);
        String n = t.name().toLowerCase(Locale.ROOT);
        if (n.equals("time") || n.equals("t")) return new TimeTitle(t.unit());
        for (String prefix : new String[] {"time_", "t_"}) {
            if (n.startsWith(prefix) && t.unit().isEmpty())
                return new TimeTitle(t.name().substring(prefix.length()));
        }
        return null;
    }

    /**
     * Content-based detection: the first header line (after comments) splits into at least two fields whose
     * first is a time title, and the next line starts with a number.
     */
    static boolean looksLikeCsv(byte[] content) {
        try {
            TextCursor cur = headerLine("", content, 64 * 1024);
            if (cur == null) return false;
            String header = cur.text();
            List<String> fields = TextCursor.fields(header, separator(header));
            if (fields.size() < 2 || timeTitle(fields.get(0)) == null) return false;
            if (!cur.next()) return false;
            int q = cur.lineStart();
            while (q < cur.lineEnd() && content[q] == ' ') q++;
            return new DecimalParser().parse(content, q, cur.lineEnd());
        } catch (RecordingFormatException tooLong) {
            return false;
        }
    }
}
