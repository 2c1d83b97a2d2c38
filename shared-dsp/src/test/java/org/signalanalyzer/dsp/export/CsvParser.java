package org.signalanalyzer.dsp.export;

import java.util.ArrayList;
import java.util.List;

/** An RFC 4180 reader for the tests (quoted fields, doubled quotes, separators and line breaks inside quotes). */
final class CsvParser {

    private CsvParser() {}

    static List<List<String>> parse(String text, char separator) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else if (c == '\n') {
                throw new IllegalArgumentException("a bare LF at " + i + ": lines must end in CRLF");
            } else {
                field.append(c);
            }
        }
        if (quoted) throw new IllegalArgumentException("unterminated quote");
        if (field.length() > 0 || !row.isEmpty()) throw new IllegalArgumentException("last line has no CRLF");
        return rows;
    }
}
