package org.signalanalyzer.dsp.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The desktop "Export Sets" grouping: files into sets by their names, each set sorted by file number, each file given
 * a sheet name (its file number, with {@code _v2}, {@code _v3}, ... on a clash).
 */
public final class LabSets {

    /** One file of a set: its item, its parsed name and the sheet it goes to. */
    public record Member<T>(T item, String fileName, SetFileName name, String sheetName) {}

    private LabSets() {}

    /**
     * Groups by set number (ascending). A name that fits none of the naming rules is an error naming every such file:
     * silently leaving a recording out of the lab's workbooks would lose data without anyone noticing.
     */
    public static <T> SortedMap<Integer, List<Member<T>>> group(List<T> items, Function<T, String> fileNameOf) {
        return group(items, fileNameOf, item -> null);
    }

    /**
     * As {@link #group(List, Function)}, with the set given by hand for some items ({@code setOf} answers null for
     * the others): a given set wins over the name's.
     */
    public static <T> SortedMap<Integer, List<Member<T>>> group(
            List<T> items, Function<T, String> fileNameOf, Function<T, Integer> setOf) {
        Map<Integer, List<Pending<T>>> bySet = new TreeMap<>();
        List<String> unparsable = new ArrayList<>();
        for (T item : items) {
            String fileName = fileNameOf.apply(item);
            Integer given = setOf.apply(item);
            Optional<SetFileName> name =
                    given != null ? Optional.of(SetFileName.assigned(fileName, given)) : SetFileName.parse(fileName);
            if (name.isEmpty()) {
                unparsable.add("'" + fileName + "'");
                continue;
            }
            bySet.computeIfAbsent(name.get().set(), k -> new ArrayList<>())
                    .add(new Pending<>(item, fileName, name.get()));
        }
        if (!unparsable.isEmpty()) {
            throw new IllegalArgumentException("cannot tell the set of " + String.join(", ", unparsable)
                    + ": the lab-sets export needs names like " + SetFileName.EXPECTED + ", or the set given for "
                    + (unparsable.size() == 1 ? "the file" : "each file"));
        }
        SortedMap<Integer, List<Member<T>>> sets = new TreeMap<>();
        for (var e : bySet.entrySet()) sets.put(e.getKey(), withSheetNames(e.getValue()));
        return sets;
    }

    private record Pending<T>(T item, String fileName, SetFileName name) {}

    private static <T> List<Member<T>> withSheetNames(List<Pending<T>> files) {
        // The desktop sorts by file number; the full name breaks ties so the order never depends on the input order.
        List<Pending<T>> sorted = new ArrayList<>(files);
        sorted.sort(
                Comparator.comparing((Pending<T> p) -> p.name().fileNumber()).thenComparing(Pending::fileName));
        Set<String> taken = new HashSet<>();
        List<Member<T>> members = new ArrayList<>();
        for (Pending<T> p : sorted) {
            String sheet = SheetNames.safe(p.name().fileNumber(), "");
            for (int v = 2; !taken.add(sheet.toLowerCase(Locale.ROOT)); v++) {
                sheet = SheetNames.safe(p.name().fileNumber(), "_v" + v);
            }
            members.add(new Member<>(p.item(), p.fileName(), p.name(), sheet));
        }
        return members;
    }
}
