package org.signalanalyzer.dsp.export;

/** What an export contains; the labels are the API's and the CLI's {@code layout} values. */
public enum Layout {
    /** The lab's per-set workbooks (one per set of files; a zip when there are several). */
    LAB_SETS(
            "lab-sets",
            "the lab's per-set workbooks Set_<set>_<time>.xlsx, one sheet per file (a zip for several " + "sets)"),
    /** One workbook: provenance, results, charts, curves. */
    FULL("full", "one workbook: provenance, results, fits, charts of the purple curves, every curve (ms)"),
    /** The lab's semicolon CSV, one per analysis (a zip when there are several). */
    CSV("csv", "the lab's semicolon CSV of the purple curves and integrals, one per analysis (a zip for several)"),
    /** Comma-separated tables for R/pandas: analyses.csv, curve_points.csv and fits.csv (in a zip). */
    TIDY_CSV("tidy-csv", "tables for R and pandas: analyses.csv, curve_points.csv and fits.csv (a zip)"),
    /** The analysis results as JSON (an array when there are several). */
    JSON("json", "the full analysis results as JSON (an array for several)");

    private final String label;
    private final String description;

    Layout(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    /** What the layout holds, in a sentence a menu can show. */
    public String description() {
        return description;
    }

    public static Layout parse(String text) {
        for (Layout l : values()) if (l.label.equalsIgnoreCase(text == null ? "" : text.trim())) return l;
        throw new IllegalArgumentException(
                "unknown export layout '" + text + "': expected lab-sets, full, csv, tidy-csv or json");
    }

    @Override
    public String toString() {
        return label;
    }
}
