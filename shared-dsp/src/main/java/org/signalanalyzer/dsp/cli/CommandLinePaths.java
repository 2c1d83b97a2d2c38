package org.signalanalyzer.dsp.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Files and folders named on the command line. An empty path, a missing input, a directory where a file is wanted
 * (or the reverse) or a file the user may not read is a usage error (exit 2) naming the option; without these
 * checks Java reports "Is a directory" as an I/O failure (exit 1), after the work is done for an output.
 */
final class CommandLinePaths {

    private CommandLinePaths() {}

    /** The readable file {@code text}; {@code what} names it for the message ("--chain", "FILE"). */
    static Path input(String text, String what) throws UsageException {
        Path p = parse(text, what);
        if (Files.isDirectory(p)) throw new UsageException(what + ": '" + text + "' is a directory, not a file");
        if (!Files.exists(p)) throw new UsageException(what + ": no such file '" + text + "'");
        if (!Files.isReadable(p)) throw new UsageException(what + ": cannot read '" + text + "' (permission denied)");
        return p;
    }

    static byte[] bytes(String text, String what) throws IOException, UsageException {
        return Files.readAllBytes(input(text, what));
    }

    /** Where an output file goes: an empty path or a directory is a usage error. */
    static Path outputFile(String text, String what) throws UsageException {
        Path p = parse(text, what);
        if (Files.isDirectory(p)) throw new UsageException(what + ": '" + text + "' is a directory, not a file");
        return p;
    }

    /** A folder to write into: created if missing; an existing file of that name is a usage error. */
    static Path outputDirectory(String text, String what) throws UsageException {
        Path p = parse(text, what);
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new UsageException(what + ": '" + text + "' is a file, not a folder");
        }
        return p;
    }

    private static Path parse(String text, String what) throws UsageException {
        if (text.isBlank()) throw new UsageException(what + " needs a path, got '" + text + "'");
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException(what + ": '" + text + "' is not a valid path (" + e.getReason() + ")");
        }
    }

    /** The file as UTF-8 text; other bytes are a usage error, not a failure. */
    static String utf8(String text, String what) throws IOException, UsageException {
        Path p = input(text, what);
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new UsageException(what + ": '" + text + "' is not UTF-8 text");
        }
    }
}
