package org.signalanalyzer.dsp.export;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the lab encodes in a recording's file name for the per-set export: the file number (the sheet name), the set
 * (the workbook) and the test-step voltage. The rules are the desktop "Export Sets" ones (docs/desktop-conventions.md#export-sets-naming),
 * tried in the desktop's order so that a name groups exactly as it did there. Where the desktop required
 * {@code .atf}, {@code .abf} is accepted too: the web version reads both, and a lab's naming does not change with
 * the format it saves. {@code voltageMv} is {@code null} for a file whose set was given by hand and whose name
 * tells no voltage.
 */
public record SetFileName(String fileNumber, int set, Integer voltageMv) {

    /** {@code YYYYMMDD_NNN(N)_<set>_<±V>mV.atf}, the whole base name, any letter case. */
    private static final Pattern LAB =
            Pattern.compile("(\\d{8}_\\d{3,4})_(\\d+)_([+-]?\\d+)mV\\.a[tb]f", Pattern.CASE_INSENSITIVE);

    /** The older set export's {@code <num>_<set>_<V>.atf}, e.g. {@code 0057_0_-100.atf}. */
    private static final Pattern OLDER =
            Pattern.compile("(\\d+)_(\\d+)_([+-]?\\d+)\\.a[tb]f", Pattern.CASE_INSENSITIVE);

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    /** What a user is told when a name fits none of the rules. */
    public static final String EXPECTED = "YYYYMMDD_NNNN_<set>_<voltage>mV.atf (e.g. 20230405_0521_1_-20mV.atf)";

    public SetFileName {
        if (fileNumber == null || fileNumber.isEmpty()) throw new IllegalArgumentException("empty file number");
        if (set < 0) throw new IllegalArgumentException("set number must be >= 0, got " + set);
    }

    /**
     * A file put into {@code set} by hand: the name's file number and voltage when it tells them, else its stem (the
     * lab's own {@code 202304_0521.atf} becomes sheet {@code 202304_0521}).
     */
    public static SetFileName assigned(String fileName, int set) {
        Optional<SetFileName> parsed = parse(fileName);
        if (parsed.isPresent())
            return new SetFileName(parsed.get().fileNumber(), set, parsed.get().voltageMv());
        return new SetFileName(FileNames.stem(FileNames.baseName(fileName)), set, null);
    }

    /**
     * The set naming of a file name (a path's last part is used), or empty when it fits none of the rules: the lab
     * pattern; else the desktop's fallback (split on {@code _}, at least 4 parts: number = parts 0 and 1, set = part 2,
     * voltage = part 3 without {@code mV}); else the older {@code <num>_<set>_<V>.atf}.
     */
    public static Optional<SetFileName> parse(String fileName) {
        if (fileName == null) return Optional.empty();
        String name = FileNames.baseName(fileName);
        Matcher m = LAB.matcher(name);
        if (m.matches()) return of(m.group(1), m.group(2), m.group(3));
        Optional<SetFileName> split = fromUnderscoreParts(name);
        if (split.isPresent()) return split;
        m = OLDER.matcher(name);
        if (m.matches()) return of(m.group(1), m.group(2), m.group(3));
        return Optional.empty();
    }

    /**
     * The desktop's fallback works on the name without its extension; part 3 loses a {@code mV} (any case) and must
     * then be a whole number, as must part 2 (the desktop's int() would have thrown and skipped the file otherwise).
     */
    private static Optional<SetFileName> fromUnderscoreParts(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String stem = lower.endsWith(".atf") || lower.endsWith(".abf") ? name.substring(0, name.length() - 4) : name;
        String[] parts = stem.split("_", -1);
        if (parts.length < 4 || parts[0].isEmpty() || parts[1].isEmpty()) return Optional.empty();
        String voltage = parts[3].replaceAll("(?i)mv", "");
        return of(parts[0] + "_" + parts[1], parts[2], voltage);
    }

    private static Optional<SetFileName> of(String number, String set, String voltage) {
        if (!INTEGER.matcher(set).matches()
                || set.startsWith("-")
                || !INTEGER.matcher(voltage).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new SetFileName(number, Integer.parseInt(set.replace("+", "")), Integer.parseInt(voltage)));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }
}
