package org.signalanalyzer.dsp.export;

/** What {@link Exporter#write} wrote: the name to offer the user and the HTTP content type. */
public record ExportedFile(String fileName, String contentType) {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv; charset=utf-8";
    public static final String JSON = "application/json";
    public static final String ZIP = "application/zip";
}
