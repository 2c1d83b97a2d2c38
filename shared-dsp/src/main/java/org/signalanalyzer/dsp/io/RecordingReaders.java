package org.signalanalyzer.dsp.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads any supported recording, choosing the reader by the file's content, never by its name. */
public final class RecordingReaders {

    private RecordingReaders() {}

    public static Recording read(Path file) throws IOException, RecordingFormatException {
        return read(file, ReadLimits.DEFAULT);
    }

    public static Recording read(Path file, ReadLimits limits) throws IOException, RecordingFormatException {
        String name = file.getFileName().toString();
        long size = Files.size(file);
        if (size > limits.maxFileBytes()) {
            throw RecordingFormatException.whole(
                    name, "the file is " + size + " bytes, over the limit of " + limits.maxFileBytes() + " bytes");
        }
        return read(name, Files.readAllBytes(file), limits);
    }

    public static Recording read(String name, byte[] content) throws RecordingFormatException {
        return read(name, content, ReadLimits.DEFAULT);
    }

    public static Recording read(String name, byte[] content, ReadLimits limits) throws RecordingFormatException {
        return switch (detect(name, content)) {
            case ATF -> new AtfReader(limits).read(name, content);
            case ABF -> new AbfReader(limits).read(name, content);
            case CSV -> new CsvReader(limits).read(name, content);
        };
    }

    /** The format of {@code content}, by its signature; a file that is none of them is refused with a reason. */
    public static RecordingFormat detect(String name, byte[] content) throws RecordingFormatException {
        if (content.length == 0) throw RecordingFormatException.whole(name, "the file is empty");
        if (startsWith(content, "ABF ") || startsWith(content, "ABF2")) return RecordingFormat.ABF;
        int i = startsWith(content, "\uFEFF") ? 3 : 0;
        if (content.length - i >= 3 && content[i] == 'A' && content[i + 1] == 'T' && content[i + 2] == 'F') {
            return RecordingFormat.ATF;
        }
        if (CsvReader.looksLikeCsv(content)) return RecordingFormat.CSV;
        throw RecordingFormatException.atByte(
                name,
                0,
                "not a recording this program reads: expected an Axon "
                        + "Binary File (starting 'ABF ' or 'ABF2'), an Axon Text File (starting 'ATF') or a CSV file with a "
                        + "time column");
    }

    private static boolean startsWith(byte[] content, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        if (content.length < p.length) return false;
        for (int i = 0; i < p.length; i++) if (content[i] != p[i]) return false;
        return true;
    }
}
