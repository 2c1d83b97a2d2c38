package org.signalanalyzer.dsp.analysis.chargevoltage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.signalanalyzer.dsp.analysis.VoltageFromFileName;
import org.signalanalyzer.dsp.export.SetFileName;

/**
 * Which set (cell) each file belongs to and at which V2 it was recorded. The name rules are the lab workbook's
 * ({@link SetFileName}), so a file lands in the same set here as in its {@code Set_<n>} workbook; an explicit
 * {@link SetAssignment} wins over the name, part by part. A name without a set-export
 * voltage may still carry the desktop's V2 ({@code …_10mVdepol}), which is used next.
 */
public final class SetMembership {

    /** One file of a set: the caller's item, its base name, and the V2 its name or the user gave. */
    public record Member<T>(T item, String fileName, String set, double namedV2Mv) {}

    /** Numeric set labels in numeric order (as the lab workbooks are numbered), then the others alphabetically. */
    public static final Comparator<String> SET_ORDER = Comparator.comparing((String s) -> !s.matches("\\d{1,9}"))
            .thenComparing(s -> s.matches("\\d{1,9}") ? Integer.parseInt(s) : 0)
            .thenComparing(Comparator.naturalOrder());

    private SetMembership() {}

    /**
     * Groups the items into sets, each sorted by V2 then name. Every file must end up with both a set and a voltage:
     * the error names every file that does not, since leaving one out would silently change a fit.
     */
    public static <T> SortedMap<String, List<Member<T>>> group(
            List<T> items, Function<T, String> fileNameOf, Function<T, SetAssignment> assignmentOf) {
        return group(items, fileNameOf, assignmentOf, item -> OptionalDouble.empty());
    }

    /**
     * As {@link #group(List, Function, Function)}, with a last source of the voltage: for an analysis already run,
     * the V2 it was run at.
     */
    public static <T> SortedMap<String, List<Member<T>>> group(
            List<T> items,
            Function<T, String> fileNameOf,
            Function<T, SetAssignment> assignmentOf,
            Function<T, OptionalDouble> otherwise) {
        SortedMap<String, List<Member<T>>> sets = new TreeMap<>(SET_ORDER);
        List<String> unknown = new ArrayList<>();
        for (T item : items) {
            String fileName = baseName(fileNameOf.apply(item));
            SetAssignment a = assignmentOf == null ? null : assignmentOf.apply(item);
            if (a == null) a = new SetAssignment(null, null);
            String set = a.set() != null ? a.set() : setOf(fileName).orElse(null);
            OptionalDouble v = a.voltageMv() != null ? OptionalDouble.of(a.voltageMv()) : voltageOf(fileName);
            if (v.isEmpty()) v = otherwise.apply(item);
            if (set == null || v.isEmpty()) {
                unknown.add("'" + fileName + "' (" + (set == null ? "no set" : "set " + set) + ", "
                        + (v.isEmpty() ? "no voltage" : v.getAsDouble() + " mV") + ")");
                continue;
            }
            sets.computeIfAbsent(set, k -> new ArrayList<>()).add(new Member<>(item, fileName, set, v.getAsDouble()));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("cannot tell the set and voltage of " + String.join(", ", unknown)
                    + ": name files like " + SetFileName.EXPECTED + " or assign a set and a voltage to each");
        }
        for (List<Member<T>> members : sets.values()) {
            members.sort(
                    Comparator.comparingDouble((Member<T> m) -> m.namedV2Mv()).thenComparing(Member::fileName));
        }
        return sets;
    }

    /** The set a file name tells by the lab's rules, as {@link #group} reads it without an assignment. */
    public static Optional<String> setOf(String fileName) {
        return SetFileName.parse(baseName(fileName)).map(n -> Integer.toString(n.set()));
    }

    /**
     * The voltage a file name tells, as {@link #group} reads it without an assignment: the set naming's, else the
     * desktop's V2 ({@code …_10mVdepol}).
     */
    public static OptionalDouble voltageOf(String fileName) {
        String name = baseName(fileName);
        Optional<SetFileName> named = SetFileName.parse(name);
        return named.isPresent() && named.get().voltageMv() != null
                ? OptionalDouble.of(named.get().voltageMv())
                : VoltageFromFileName.parse(name);
    }

    /** Whether a file name tells its set and voltage (by the lab's rules), as {@link #group} would read it. */
    public static boolean identifies(String fileName) {
        return SetFileName.parse(baseName(fileName)).isPresent();
    }

    /** The last part of a path written with either separator. */
    public static String baseName(String fileName) {
        return fileName == null ? "" : fileName.replace('\\', '/').replaceAll(".*/", "");
    }
}
