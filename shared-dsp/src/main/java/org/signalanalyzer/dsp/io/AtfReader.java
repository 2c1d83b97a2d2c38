package org.signalanalyzer.dsp.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Axon Text File 1.0 reader: header records in any order, the column-title line, the file's own time column (any
 * unit), episodic files with interleaved sweeps ({@code Trace #k (unit)}), several signals.
 */
public final class AtfReader {

    private static final Pattern TITLE = Pattern.compile("^(.*?)\\s*(?:\\(([^()]*)\\))?$");
    private static final Pattern TRACE = Pattern.compile("^Trace #(\\d+)$");

    private final ReadLimits limits;

    public AtfReader(ReadLimits limits) { this.limits = limits; }

    public Recording read(String name, byte[] content) throws RecordingFormatException {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n|\r", -1);
        int lineCount = lines.length;
        if (lineCount > 0 && lines[lineCount - 1].isEmpty()) lineCount--;
        if (lineCount < 1 || !lines[0].trim().startsWith("ATF")) {
            throw RecordingFormatException.atLine(name, 1, "expected the signature 'ATF' and a version");
        }
        String version = lines[0].trim().substring(3).trim();
        if (lineCount < 2) throw RecordingFormatException.atLine(name, 2, "expected the header and column counts");
        String[] counts = lines[1].trim().split("\\s+");
        int headerCount;
        int columnCount;
        try {
            headerCount = Integer.parseInt(counts[0]);
            columnCount = Integer.parseInt(counts[1]);
        } catch (RuntimeException e) {
            throw RecordingFormatException.atLine(name, 2, "expected two whole numbers (header records, columns)");
        }
        if (headerCount < 0 || headerCount > 10_000 || columnCount < 2 || columnCount > limits.maxChannels() * 4096) {
            throw RecordingFormatException.atLine(name, 2, "header record count " + headerCount + " or column count "
                    + columnCount + " is out of range");
        }
        Map<String, String> records = new LinkedHashMap<>();
        List<String> signalNames = new ArrayList<>();
        for (int h = 0; h < headerCount; h++) {
            int li = 2 + h;
            if (li >= lineCount) throw RecordingFormatException.atLine(name, li + 1, "expected header record "
                    + (h + 1) + " of " + headerCount);
            String[] fields = lines[li].split("\t");
            String first = unquote(fields[0]);
            int eq = first.indexOf('=');
            if (eq < 0) continue;
            String key = first.substring(0, eq).trim();
            if (key.equals("Signals")) {
                for (int f = 1; f < fields.length; f++) signalNames.add(unquote(fields[f]));
                records.put(key, String.join(",", signalNames));
            } else {
                records.put(key, first.substring(eq + 1));
            }
        }
        int titleLine = 2 + headerCount;
        if (titleLine >= lineCount) throw RecordingFormatException.atLine(name, titleLine + 1,
                "expected the column-title line");
        String[] titles = lines[titleLine].split("\t");
        if (titles.length < columnCount) throw RecordingFormatException.atLine(name, titleLine + 1,
                "expected " + columnCount + " column titles, found " + titles.length);
        String[] titleNames = new String[columnCount];
        String[] titleUnits = new String[columnCount];
        for (int c = 0; c < columnCount; c++) {
            Matcher m = TITLE.matcher(unquote(titles[c]).trim());
            m.matches();
            titleNames[c] = m.group(1).trim();
            titleUnits[c] = m.group(2) == null ? "" : m.group(2).trim();
        }
        double timeScale = timeUnitToSeconds(titleUnits[0]);

        int rows = lineCount - titleLine - 1;
        if (rows < 1) throw RecordingFormatException.atLine(name, titleLine + 2, "expected at least one data row");
        if ((long) rows * columnCount > limits.maxSamples()) {
            throw RecordingFormatException.atLine(name, titleLine + 2, "the file holds " + rows + " rows × "
                    + columnCount + " columns, over the limit of " + limits.maxSamples() + " samples");
        }
        double[][] columns = new double[columnCount][rows];
        for (int r = 0; r < rows; r++) {
            String line = lines[titleLine + 1 + r];
            String[] fields = line.trim().split("\\s+");
            if (fields.length < columnCount) throw RecordingFormatException.atLine(name, titleLine + 2 + r,
                    "expected " + columnCount + " numbers, found " + fields.length);
            for (int c = 0; c < columnCount; c++) {
                try {
                    columns[c][r] = Double.parseDouble(fields[c]);
                } catch (NumberFormatException e) {
                    throw RecordingFormatException.atLine(name, titleLine + 2 + r, "expected a number in column "
                            + (c + 1) + ", found '" + fields[c] + "'");
                }
            }
        }

        // Group data columns into sweeps: "Trace #k" titles give the sweep; otherwise every column is a signal.
        int dataColumns = columnCount - 1;
        int[] sweepOf = new int[dataColumns];
        int maxSweep = 0;
        boolean traced = true;
        for (int c = 0; c < dataColumns; c++) {
            Matcher m = TRACE.matcher(titleNames[c + 1]);
            if (!m.matches()) { traced = false; break; }
            sweepOf[c] = Integer.parseInt(m.group(1)) - 1;
            maxSweep = Math.max(maxSweep, sweepOf[c]);
        }
        int sweeps = traced ? maxSweep + 1 : 1;
        if (dataColumns % sweeps != 0) throw RecordingFormatException.atLine(name, titleLine + 1,
                dataColumns + " data columns cannot be split evenly into " + sweeps + " sweeps");
        int perSweep = dataColumns / sweeps;
        List<Channel> channels = new ArrayList<>();
        for (int s = 0; s < perSweep; s++) {
            String channelName = s < signalNames.size() ? signalNames.get(s) : titleNames[s + 1];
            channels.add(new Channel(channelName, titleUnits[s + 1]));
        }
        double[][][] data = new double[sweeps][perSweep][];
        for (int c = 0; c < dataColumns; c++) {
            int sweep = traced ? sweepOf[c] : 0;
            data[sweep][c % perSweep] = columns[c + 1];
        }
        double interval = rows > 1 ? (columns[0][rows - 1] - columns[0][0]) / (rows - 1) * timeScale : 1;
        double[] starts = new double[sweeps];
        String startsRecord = records.get("SweepStartTimesMS");
        if (startsRecord != null) {
            String[] parts = startsRecord.split(",");
            for (int s = 0; s < sweeps && s < parts.length; s++) {
                try { starts[s] = Double.parseDouble(parts[s].trim()) / 1000.0; } catch (NumberFormatException ignored) { }
            }
        }
        return new Recording(name, RecordingFormat.ATF, version, AcquisitionMode.fromLabel(records.get("AcquisitionMode")),
                interval, columns[0][0] * timeScale, channels, starts, data, List.of(), records.getOrDefault("Comment", ""),
                null, records);
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) return t.substring(1, t.length() - 1);
        return t;
    }

    private static double timeUnitToSeconds(String unit) {
        return switch (unit) {
            case "ms" -> 1e-3;
            case "us", "\u00b5s" -> 1e-6;
            case "min" -> 60;
            default -> 1;
        };
    }
}
