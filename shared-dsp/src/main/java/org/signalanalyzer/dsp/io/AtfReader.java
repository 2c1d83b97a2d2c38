package org.signalanalyzer.dsp.io;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Axon Text File 1.0 reader: header records in any order, the column-title line, the file's own time column (s, ms,
 * µs), episodic files with interleaved sweeps ({@code Trace #k (unit)}), gap-free and event-driven files, several
 * signals; LF, CRLF or CR line ends, with or without a final line end.
 *
 * <p>The data block is parsed straight from the bytes (see {@link DecimalParser}); the header, a few hundred bytes,
 * is read as text.
 */
public final class AtfReader {

    private final ReadLimits limits;

    public AtfReader(ReadLimits limits) {
        this.limits = limits;
    }

    public Recording read(String name, byte[] b) throws RecordingFormatException {
        limits.checkFileSize(name, b.length);
        int start = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        TextCursor cur = new TextCursor(name, b, start, limits.maxHeaderBytes());
        if (!cur.next() || !cur.text().startsWith("ATF")) {
            throw RecordingFormatException.atLine(
                    name, 1, "expected the signature 'ATF' and a version, e.g. 'ATF\t1.0'");
        }
        String version = cur.text().substring(3).strip();
        if (version.isEmpty()) version = "1.0";

        if (!cur.next())
            throw RecordingFormatException.atLine(
                    name,
                    2,
                    "expected the header record count and the "
                            + "column count (two whole numbers), found the end of the file");
        long[] counts = twoCounts(name, cur);
        long headerCount = counts[0];
        long columnCount = counts[1];
        long maxColumns = 1 + (long) limits.maxChannels() * limits.maxSweeps();
        if (columnCount < 2 || columnCount > maxColumns) {
            throw RecordingFormatException.atLine(
                    name,
                    2,
                    "the column count " + columnCount + " is out of range: "
                            + "expected a time column and at least one signal column, at most " + maxColumns
                            + " (ReadLimits.maxChannels × maxSweeps + 1)");
        }

        Map<String, String> records = new LinkedHashMap<>();
        Map<String, Long> recordLines = new LinkedHashMap<>();
        List<String> signals = List.of();
        List<String> exported = List.of();
        for (long h = 0; h < headerCount; h++) {
            if (!cur.next())
                throw RecordingFormatException.atLine(
                        name,
                        cur.line() + 1,
                        "expected header record " + (h + 1) + " of " + headerCount
                                + " (a quoted \"Name=value\"), found the end of the file");
            List<String> fields = TextCursor.fields(cur.text(), '\t');
            String first = fields.get(0);
            int eq = first.indexOf('=');
            if (eq <= 0)
                throw RecordingFormatException.atLine(
                        name,
                        cur.line(),
                        "expected header record " + (h + 1) + " of " + headerCount + " as \"Name=value\", found '"
                                + TextCursor.abbreviate(cur.text()) + "'");
            String key = first.substring(0, eq).strip();
            String value = first.substring(eq + 1).strip();
            if (key.equals("Signals")) {
                List<String> names = new ArrayList<>();
                if (!value.isEmpty()) names.add(value);
                for (int f = 1; f < fields.size(); f++) if (!fields.get(f).isEmpty()) names.add(fields.get(f));
                signals = names;
                value = String.join(",", names);
            } else if (key.equals("SignalsExported")) {
                exported = List.of(value.split(",", -1));
            }
            records.put(key, value);
            recordLines.put(key, cur.line());
        }

        if (!cur.next())
            throw RecordingFormatException.atLine(
                    name,
                    cur.line() + 1,
                    "expected the column-title line "
                            + "(\"Time (s)\" then one title per column), found the end of the file");
        long titleLine = cur.line();
        List<String> titleFields = TextCursor.fields(cur.text(), '\t');
        while (titleFields.size() > columnCount
                && titleFields.get(titleFields.size() - 1).isEmpty()) {
            titleFields.remove(titleFields.size() - 1);
        }
        if (titleFields.size() != columnCount) {
            throw RecordingFormatException.atLine(
                    name,
                    titleLine,
                    "expected " + columnCount + " tab-separated column " + "titles (the count on line 2), found "
                            + titleFields.size());
        }
        int columns = (int) columnCount;
        ColumnTitle[] titles = new ColumnTitle[columns];
        for (int c = 0; c < columns; c++) titles[c] = ColumnTitle.parse(titleFields.get(c));
        BigDecimal secondsPerTimeUnit = secondsPer(name, titleLine, titles[0].unit());
        Layout layout = layout(name, titleLine, titles, signals, exported);

        NumberTable data = NumberTable.parse(name, b, cur.position(), titleLine + 1, columns, limits);
        BigDecimal interval = data.sampleInterval(name, titleLine + 1);
        data.checkEquallySpaced(name, interval.doubleValue(), titleLine + 1);
        double[] seconds = data.secondsIntervalAndStart(name, titleLine + 1, interval, secondsPerTimeUnit);
        double intervalS = seconds[0];
        double startS = seconds[1];

        double[][][] sweeps = new double[layout.sweeps][layout.channels.size()][];
        for (int c = 1; c < columns; c++) sweeps[layout.sweepOf[c]][layout.channelOf[c]] = data.columns()[c];
        double[] starts = sweepStarts(name, records, recordLines, layout.sweeps, data.rows() * intervalS);
        return new Recording(
                name,
                RecordingFormat.ATF,
                version,
                AcquisitionMode.fromLabel(records.get("AcquisitionMode")),
                intervalS,
                startS,
                layout.channels,
                starts,
                sweeps,
                List.of(),
                records.getOrDefault("Comment", ""),
                null,
                records);
    }

    private static long[] twoCounts(String name, TextCursor cur) throws RecordingFormatException {
        String[] parts = cur.text().strip().split("[\\s,]+");
        if (parts.length < 2)
            throw RecordingFormatException.atLine(
                    name,
                    cur.line(),
                    "expected two whole numbers " + "(header record count, column count), found '"
                            + TextCursor.abbreviate(cur.text()) + "'");
        long[] out = new long[2];
        for (int i = 0; i < 2; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 9 || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                throw RecordingFormatException.atLine(
                        name,
                        cur.line(),
                        "expected two whole numbers (header record " + "count, column count), found '"
                                + TextCursor.abbreviate(cur.text()) + "'");
            }
            out[i] = Long.parseLong(p);
        }
        return out;
    }

    private static BigDecimal secondsPer(String name, long line, String unit) throws RecordingFormatException {
        BigDecimal s = NumberTable.secondsPer(unit);
        if (s == null)
            throw RecordingFormatException.atLine(
                    name,
                    line,
                    "the time column's unit '" + unit + "' is not a time unit: expected s, ms, µs (or us) or min");
        return s;
    }

    /** Which sweep and channel each data column holds. */
    private record Layout(int sweeps, List<Channel> channels, int[] sweepOf, int[] channelOf) {}

    private Layout layout(String name, long line, ColumnTitle[] titles, List<String> signals, List<String> exported)
            throws RecordingFormatException {
        int columns = titles.length;
        int[] sweepOf = new int[columns];
        int[] channelOf = new int[columns];
        boolean traced = true;
        int[] traceNumbers = new int[columns - 1];
        for (int c = 1; c < columns; c++) {
            int k = titles[c].traceNumber();
            if (k < 1) {
                traced = false;
                break;
            }
            traceNumbers[c - 1] = k;
        }
        if (!traced) {
            if (columns - 1 > limits.maxChannels())
                throw RecordingFormatException.atLine(
                        name,
                        line,
                        (columns - 1) + " signal columns, over the limit of " + limits.maxChannels()
                                + " (ReadLimits.maxChannels)");
            List<Channel> channels = new ArrayList<>();
            for (int c = 1; c < columns; c++) {
                String n = titles[c].name();
                if (n.isEmpty() && c - 1 < signals.size()) n = signals.get(c - 1);
                channels.add(new Channel(n, titles[c].unit()));
                channelOf[c] = c - 1;
            }
            return new Layout(1, channels, sweepOf, channelOf);
        }
        // Sweeps in trace-number order; an export of selected sweeps (Trace #2, #5) has only those.
        int[] distinct = Arrays.stream(traceNumbers).distinct().sorted().toArray();
        int sweeps = distinct.length;
        for (int c = 1; c < columns; c++) sweepOf[c] = Arrays.binarySearch(distinct, traceNumbers[c - 1]);
        int[] perSweep = new int[sweeps];
        for (int c = 1; c < columns; c++) channelOf[c] = perSweep[sweepOf[c]]++;
        int channelCount = perSweep[0];
        for (int s = 0; s < sweeps; s++) {
            if (perSweep[s] != channelCount)
                throw RecordingFormatException.atLine(
                        name,
                        line,
                        "Trace #" + distinct[s]
                                + " has " + perSweep[s] + " column(s) but Trace #" + distinct[0] + " has "
                                + channelCount
                                + ": expected every sweep to hold the same signals");
        }
        if (channelCount > limits.maxChannels())
            throw RecordingFormatException.atLine(
                    name,
                    line,
                    channelCount + " signals, over the limit of " + limits.maxChannels() + " (ReadLimits.maxChannels)");
        if (sweeps > limits.maxSweeps())
            throw RecordingFormatException.atLine(
                    name,
                    line,
                    sweeps + " sweeps, over the limit of " + limits.maxSweeps() + " (ReadLimits.maxSweeps)");
        Channel[] channels = new Channel[channelCount];
        for (int c = 1; c < columns; c++) {
            int ch = channelOf[c];
            String unit = titles[c].unit();
            if (sweepOf[c] == 0) {
                String n;
                if (signals.size() == columns - 1) n = signals.get(c - 1);
                else if (exported.size() == channelCount) n = exported.get(ch).strip();
                else n = "Signal " + ch;
                channels[ch] = new Channel(n, unit);
            }
        }
        for (int c = 1; c < columns; c++) {
            Channel expected = channels[channelOf[c]];
            if (!expected.unit().equals(titles[c].unit()))
                throw RecordingFormatException.atLine(
                        name,
                        line,
                        "column " + (c + 1) + " (Trace #" + distinct[sweepOf[c]] + ") is in '" + titles[c].unit()
                                + "' but that signal is in '" + expected.unit() + "' in Trace #" + distinct[0]
                                + ": expected the same unit in every sweep");
        }
        return new Layout(sweeps, List.of(channels), sweepOf, channelOf);
    }

    private static double[] sweepStarts(
            String name, Map<String, String> records, Map<String, Long> lines, int sweeps, double sweepLengthS)
            throws RecordingFormatException {
        double[] starts = new double[sweeps];
        String text = records.get("SweepStartTimesMS");
        if (text == null || text.isBlank()) {
            for (int s = 0; s < sweeps; s++) starts[s] = s * sweepLengthS;
            return starts;
        }
        String[] parts = text.split(",", -1);
        if (parts.length != sweeps)
            throw RecordingFormatException.atLine(
                    name,
                    lines.get("SweepStartTimesMS"),
                    "expected " + sweeps + " sweep start times (one per sweep), found " + parts.length);
        DecimalParser num = new DecimalParser();
        for (int s = 0; s < sweeps; s++) {
            byte[] token = parts[s].strip().getBytes(StandardCharsets.ISO_8859_1);
            if (!num.parse(token, 0, token.length) || num.end() != token.length) {
                throw RecordingFormatException.atLine(
                        name,
                        lines.get("SweepStartTimesMS"),
                        "expected sweep start " + "time " + (s + 1) + " in ms, found '"
                                + TextCursor.abbreviate(parts[s]) + "'");
            }
            starts[s] = num.value() / 1000.0;
        }
        return starts;
    }
}
