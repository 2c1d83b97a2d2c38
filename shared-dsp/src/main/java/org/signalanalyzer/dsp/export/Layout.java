package org.signalanalyzer.dsp.export;

/** What an export contains; the labels are the API's and the CLI's {@code layout} values. */
public enum Layout {
    /** The lab's per-set workbooks (one per set of files; a zip when there are several). */
    LAB_SETS("lab-sets"),
    /** One workbook: provenance, results, charts, curves. */
    FULL("full"),
    /** The lab's semicolon CSV, one per analysis (a zip when there are several). */
    CSV("csv"),
    /** Comma-separated tables for R/pandas: analyses.csv and curve_points.csv (in a zip). */
    TIDY_CSV("tidy-csv"),
    /** The analysis results as JSON (an array when there are several). */
    JSON("json");

    private final String label;

    Layout(String label) { this.label = label; }

    public String label() { return label; }

    public static Layout parse(String text) {
        for (Layout l : values()) if (l.label.equalsIgnoreCase(text == null ? "" : text.trim())) return l;
        throw new IllegalArgumentException("unknown export layout '" + text
                + "': expected lab-sets, full, csv, tidy-csv or json");
    }

    @Override public String toString() { return label; }
}
