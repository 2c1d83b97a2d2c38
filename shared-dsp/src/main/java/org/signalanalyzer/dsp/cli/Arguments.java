package org.signalanalyzer.dsp.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Command-line arguments: positional values, {@code --flag} switches and {@code --option value} pairs. */
final class Arguments {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();
    /** Every value of an option given more than once, in order ({@link #options} keeps the last). */
    private final Map<String, List<String>> repeated = new HashMap<>();

    private final Set<String> flags = new HashSet<>();
    private final Set<String> used = new HashSet<>();

    Arguments(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--") && a.length() > 2) {
                int eq = a.indexOf('=');
                if (eq > 0) {
                    put(a.substring(2, eq), a.substring(eq + 1));
                } else if (i + 1 < args.length && !isOptionName(args[i + 1])) {
                    put(a.substring(2), args[++i]);
                } else {
                    flags.add(a.substring(2));
                }
            } else {
                positional.add(a);
            }
        }
    }

    private void put(String name, String value) {
        options.put(name, value);
        repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    /** Every value of an option that may be given several times ({@code --set-of A=1 --exclude B --exclude C}). */
    List<String> options(String name) {
        used.add(name);
        return options.containsKey(name) ? List.copyOf(repeated.get(name)) : List.of();
    }

    private static boolean isOptionName(String s) {
        return s.startsWith("--") && s.length() > 2 && !Character.isDigit(s.charAt(2));
    }

    /** Switches like {@code --json}; a switch given a value by mistake ({@code --json x}) still counts. */
    boolean flag(String name) {
        used.add(name);
        if (flags.contains(name)) return true;
        if (options.containsKey(name)) {
            positional.add(options.remove(name));
            flags.add(name);
            return true;
        }
        return false;
    }

    Optional<String> option(String name) {
        used.add(name);
        return Optional.ofNullable(options.get(name));
    }

    String require(String name) throws UsageException {
        return option(name).orElseThrow(() -> new UsageException("missing option --" + name));
    }

    double doubleOption(String name, double fallback) throws UsageException {
        return parsedOption(name, fallback, Double::parseDouble, "a number");
    }

    int intOption(String name, int fallback) throws UsageException {
        return parsedOption(name, fallback, Integer::parseInt, "a whole number");
    }

    private <T> T parsedOption(String name, T fallback, Function<String, T> parse, String what) throws UsageException {
        Optional<String> v = option(name);
        if (v.isEmpty()) return fallback;
        try {
            return parse.apply(v.get());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs " + what + ", got '" + v.get() + "'");
        }
    }

    List<String> positional() {
        return positional;
    }

    String positional(int index, String what) throws UsageException {
        if (index >= positional.size()) throw new UsageException("missing " + what);
        return positional.get(index);
    }

    /** Call after reading every option: an option nobody asked for is a typo the user should hear about. */
    void rejectUnknown() throws UsageException {
        for (String k : options.keySet()) if (!used.contains(k)) throw new UsageException("unknown option --" + k);
        for (String k : flags) if (!used.contains(k)) throw new UsageException("unknown option --" + k);
    }
}
