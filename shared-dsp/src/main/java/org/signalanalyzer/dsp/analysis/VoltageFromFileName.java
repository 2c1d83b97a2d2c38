package org.signalanalyzer.dsp.analysis;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desktop's V2 from a file name (docs/desktop-conventions.md#file-name-conventions): on the base name, "optional minus + digits, then mV, then depol or
 * the end" ({@code 20130507_0006_10mVdepol} → 10); otherwise "optional minus + digits, then depol"
 * ({@code …_-50depol} → −50).
 */
public final class VoltageFromFileName {

    private static final Pattern WITH_MV = Pattern.compile("(-?\\d+)mV(?:depol|$)");
    private static final Pattern DEPOL_ONLY = Pattern.compile("(-?\\d+)depol");

    private static final Pattern SET_NAME =
            Pattern.compile("(\\d{8}_\\d{3,4})_(\\d+)_([+-]?\\d+)mV\\.atf", Pattern.CASE_INSENSITIVE);

    private VoltageFromFileName() {}

    /** A file of the batch "Export Sets" naming: its file number, set number and V2. */
    public record SetName(String fileNumber, int set, int voltageMv) {}

    /**
     * The desktop's set naming (docs/desktop-conventions.md#file-name-conventions): the whole base name {@code YYYYMMDD_NNN(N)_<set>_<±V>mV.atf}; otherwise,
     * with at least four {@code _}-separated parts, file number = parts 0_1, set = part 2, voltage = part 3 without
     * "mV".
     */
    public static Optional<SetName> parseSetName(String fileName) {
        String name = baseName(fileName);
        Matcher m = SET_NAME.matcher(name);
        if (m.matches()) {
            return Optional.of(new SetName(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        String[] parts = stripExtension(name).split("_");
        if (parts.length < 4) return Optional.empty();
        try {
            return Optional.of(new SetName(
                    parts[0] + "_" + parts[1],
                    Integer.parseInt(parts[2]),
                    Integer.parseInt(parts[3].replace("mV", ""))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String baseName(String fileName) {
        String name = fileName.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    public static OptionalDouble parse(String fileName) {
        String name = stripExtension(baseName(fileName));
        Matcher m = WITH_MV.matcher(name);
        if (m.find()) return OptionalDouble.of(Integer.parseInt(m.group(1)));
        m = DEPOL_ONLY.matcher(name);
        if (m.find()) return OptionalDouble.of(Integer.parseInt(m.group(1)));
        return OptionalDouble.empty();
    }
}
