package org.signalanalyzer.dsp.export;

/** Names of the files an export writes, derived from recording names that came from users. */
final class FileNames {

    private FileNames() {}

    /**
     * The recording's base name without its extension, reduced to characters safe in a file name and a download
     * header on every system (anything else becomes {@code _}).
     */
    static String stem(String recordingFileName) {
        String name = baseName(recordingFileName);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String safe = stem.replaceAll("[^A-Za-z0-9._+-]", "_");
        return safe.isEmpty() ? "recording" : safe;
    }

    /** The last part of a path written with either separator (uploads from Windows keep their backslashes). */
    static String baseName(String fileName) {
        return fileName.replace('\\', '/').replaceAll(".*/", "");
    }
}
