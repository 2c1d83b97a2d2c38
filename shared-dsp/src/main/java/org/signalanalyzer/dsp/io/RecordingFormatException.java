package org.signalanalyzer.dsp.io;

/**
 * The one error every reader raises for input it cannot read: malformed, truncated, hostile or over a limit.
 * The message always names where in the file the problem is (a line, or a byte offset) and what was expected,
 * so a person can open the file and see it.
 */
public final class RecordingFormatException extends Exception {

    public enum PositionKind {
        LINE,
        BYTE_OFFSET,
        NONE
    }

    private final String fileName;
    private final PositionKind positionKind;
    private final long position;

    private RecordingFormatException(
            String fileName, PositionKind kind, long position, String problem, Throwable cause) {
        super(describe(fileName, kind, position, problem), cause);
        this.fileName = fileName;
        this.positionKind = kind;
        this.position = position;
    }

    /** A problem on a 1-based line of a text file. */
    public static RecordingFormatException atLine(String fileName, long line, String problem) {
        return new RecordingFormatException(fileName, PositionKind.LINE, line, problem, null);
    }

    /** A problem at a 0-based byte offset of a binary file. */
    public static RecordingFormatException atByte(String fileName, long offset, String problem) {
        return new RecordingFormatException(fileName, PositionKind.BYTE_OFFSET, offset, problem, null);
    }

    public static RecordingFormatException atByte(String fileName, long offset, String problem, Throwable cause) {
        return new RecordingFormatException(fileName, PositionKind.BYTE_OFFSET, offset, problem, cause);
    }

    /** A problem with the file as a whole (empty, unknown format, too large). */
    public static RecordingFormatException whole(String fileName, String problem) {
        return new RecordingFormatException(fileName, PositionKind.NONE, -1, problem, null);
    }

    public String fileName() {
        return fileName;
    }

    public PositionKind positionKind() {
        return positionKind;
    }
    /** The 1-based line or 0-based byte offset; -1 when the problem concerns the whole file. */
    public long position() {
        return position;
    }

    private static String describe(String fileName, PositionKind kind, long position, String problem) {
        String where = switch (kind) {
            case LINE -> " line " + position;
            case BYTE_OFFSET -> " byte offset " + position;
            case NONE -> "";
        };
        return fileName + ":" + where + (where.isEmpty() ? " " : ": ") + problem;
    }
}
