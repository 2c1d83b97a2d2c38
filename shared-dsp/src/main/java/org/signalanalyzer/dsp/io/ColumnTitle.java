package org.signalanalyzer.dsp.io;

/**
 * A column title split into name and unit: {@code Trace #1 (pA)}, {@code Vm [mV]}, {@code time_ms}; the unit is ""
 * when the title has none.
 */
record ColumnTitle(String name, String unit) {

    static ColumnTitle parse(String title) {
        String t = title.strip();
        if (t.length() >= 2) {
            char last = t.charAt(t.length() - 1);
            char open = last == ')' ? '(' : last == ']' ? '[' : 0;
            if (open != 0) {
                int at = t.lastIndexOf(open);
                if (at >= 0)
                    return new ColumnTitle(
                            t.substring(0, at).strip(),
                            t.substring(at + 1, t.length() - 1).strip());
            }
        }
        return new ColumnTitle(t, "");
    }

    /** "Trace #k" → k (1-based), else -1. */
    int traceNumber() {
        if (!name.startsWith("Trace #") || name.length() == 7 || name.length() > 16) return -1;
        int k = 0;
        for (int i = 7; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') return -1;
            k = k * 10 + (c - '0');
        }
        return k;
    }
}
