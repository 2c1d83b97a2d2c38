package org.signalanalyzer.dsp.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the header lines of a text recording (LF, CRLF or CR line ends), keeping the 1-based line number for error
 * messages and refusing a header longer than {@link ReadLimits#maxHeaderBytes()}.
 */
final class TextCursor {

    private final String fileName;
    private final byte[] b;
    private final int headerLimit;
    private final int maxHeaderBytes;
    private int pos;
    private long line = 1;
    private int lineStart;
    private int lineEnd;
    private boolean started;

    TextCursor(String fileName, byte[] b, int start, int maxHeaderBytes) {
        this.fileName = fileName;
        this.b = b;
        this.pos = start;
        this.maxHeaderBytes = maxHeaderBytes;
        this.headerLimit = (int) Math.min(b.length, (long) start + maxHeaderBytes);
    }

    /** Advances to the next line; false at the end of the file. Line content is [lineStart, lineEnd). */
    boolean next() throws RecordingFormatException {
        if (pos >= b.length) return false;
        if (started) line++;
        started = true;
        int i = pos;
        while (i < headerLimit && b[i] != '\n' && b[i] != '\r') i++;
        if (i >= headerLimit && headerLimit < b.length) {
            throw RecordingFormatException.atLine(
                    fileName,
                    line,
                    "the header is longer than the limit of "
                            + maxHeaderBytes
                            + " bytes (ReadLimits.maxHeaderBytes): expected the column-title line and the "
                            + "data before it");
        }
        lineStart = pos;
        lineEnd = i;
        if (i < b.length && b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n') i++;
        pos = Math.min(b.length, i + 1);
        return true;
    }

    long line() {
        return line;
    }

    int lineStart() {
        return lineStart;
    }

    int lineEnd() {
        return lineEnd;
    }
    /** Where the line after the current one starts. */
    int position() {
        return pos;
    }

    /** The current line as text, trailing blanks removed. */
    String text() {
        return decode(b, lineStart, lineEnd).stripTrailing();
    }

    /** UTF-8 where the bytes are valid UTF-8, else Windows' Latin-1 (Clampfit writes "µs" as one byte 0xB5). */
    static String decode(byte[] b, int from, int to) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Splits a header or title line into fields separated by {@code separator} (and, for unquoted text, nothing
     * else); a field in double quotes may hold the separator. Quotes are removed, blanks around fields trimmed.
     */
    static List<String> fields(String text, char separator) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i <= n) {
            while (i < n && text.charAt(i) == ' ') i++;
            StringBuilder f = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) close = n;
                f.append(text, i + 1, close);
                i = close + 1;
                while (i < n && text.charAt(i) != separator) i++;
            } else {
                int sep = text.indexOf(separator, i);
                if (sep < 0) sep = n;
                f.append(text, i, sep);
                i = sep;
            }
            out.add(f.toString().strip());
            i++;
        }
        return out;
    }

    /** Long text cut for an error message. */
    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
