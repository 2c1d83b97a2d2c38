package org.signalanalyzer.dsp.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One CSV dialect: a separator, RFC 4180 quoting (a field holding the separator, a quote or a line break is quoted,
 * its quotes doubled), CRLF line ends, and numbers with a decimal point whatever the machine's locale.
 */
final class CsvWriter {

    private final Writer out;
    private final char separator;
    private boolean lineStarted;

    private CsvWriter(Writer out, char separator) {
        this.out = out;
        this.separator = separator;
    }

    /** UTF-8 onto a stream the caller owns (it stays open); {@link #flush} when done. */
    static CsvWriter utf8(OutputStream stream, char separator) {
        return new CsvWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), separator);
    }

    /** A comma-separated table (the tidy export's files), its header line written. */
    static CsvWriter table(OutputStream stream, List<String> columns) throws IOException {
        CsvWriter csv = utf8(stream, ',');
        for (String c : columns) csv.text(c);
        csv.endLine();
        return csv;
    }

    CsvWriter text(String value) throws IOException {
        startField();
        String v = value == null ? "" : value;
        boolean quote =
                v.indexOf(separator) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        out.write(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
        return this;
    }

    /** A number with a fixed count of decimals. */
    CsvWriter fixed(double value, int decimals) throws IOException {
        return raw(String.format(Locale.ROOT, "%." + decimals + "f", value));
    }

    /** A number in the shortest form that reads back to the same double (R and pandas read the E notation). */
    CsvWriter exact(double value) throws IOException {
        return raw(Double.isFinite(value) ? Double.toString(value) : "");
    }

    /** {@link #exact}, or an empty field for an absent value. */
    CsvWriter exactOrEmpty(Double value) throws IOException {
        return value == null ? text(null) : exact(value);
    }

    /** {@code count} empty fields: the columns of something absent. */
    CsvWriter empty(int count) throws IOException {
        for (int i = 0; i < count; i++) text(null);
        return this;
    }

    CsvWriter whole(long value) throws IOException {
        return raw(Long.toString(value));
    }

    void endLine() throws IOException {
        out.write("\r\n");
        lineStarted = false;
    }

    void flush() throws IOException {
        out.flush();
    }

    /** A line with nothing on it, as the lab's layout separates its blocks. */
    void blankLine() throws IOException {
        endLine();
    }

    private CsvWriter raw(String s) throws IOException {
        startField();
        out.write(s);
        return this;
    }

    private void startField() throws IOException {
        if (lineStarted) out.write(separator);
        lineStarted = true;
    }
}
