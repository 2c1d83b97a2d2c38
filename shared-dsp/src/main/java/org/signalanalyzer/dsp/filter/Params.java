package org.signalanalyzer.dsp.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.signalanalyzer.dsp.rules.ParameterRule;

/** Reads one step's JSON parameters with defaults, and rejects what it does not know, naming the step. */
final class Params {

    private final JsonNode node;
    private final String where;

    Params(JsonNode node, String where) {
        this.node = node;
        this.where = where;
    }

    void allowOnly(Set<String> names) {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String name = it.next();
            if (!names.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown parameter '" + name + "' (known: "
                        + String.join(", ", new TreeSet<>(names)) + ")");
            }
        }
    }

    boolean has(String name) {
        return node.hasNonNull(name);
    }

    JsonNode raw(String name) {
        return node.get(name);
    }

    int integer(String name, int fallback) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return fallback;
        if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            throw new IllegalArgumentException(where + ": '" + name + "' must be a whole number, got " + v);
        }
        // Strictly: asInt() would wrap 4294967347 to 51 and saturate 1e308 to 2147483647.
        if (!v.canConvertToInt()) {
            throw new IllegalArgumentException(where + ": '" + name + "' must be a whole number between "
                    + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + ", got " + v);
        }
        return v.asInt();
    }

    double number(String name, double fallback) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return fallback;
        if (!v.isNumber()) throw new IllegalArgumentException(where + ": '" + name + "' must be a number, got " + v);
        return v.asDouble();
    }

    String text(String name, String fallback) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return fallback;
        if (!v.isTextual()) throw new IllegalArgumentException(where + ": '" + name + "' must be a string, got " + v);
        return v.asText();
    }

    /** The rule's whole number (its default when absent), refused outside the rule's bounds. */
    int integer(ParameterRule rule) {
        int v = integer(rule.name(), rule.defaultValue() == null ? 0 : rule.defaultInt());
        return has(rule.name()) ? rule.check(v, where) : v;
    }

    /** The rule's number (its default when absent), refused outside the rule's bounds. */
    double number(ParameterRule rule) {
        double v = number(rule.name(), rule.defaultValue() == null ? 0 : rule.defaultNumber());
        return has(rule.name()) ? rule.check(v, where) : v;
    }

    /** The rule's choice (its default when absent); the step's own parse refuses an unknown one. */
    String choice(ParameterRule rule) {
        return text(rule.name(), rule.defaultText());
    }

    /** The rule's numbers, each refused outside the rule's bounds; null when absent. */
    double[] numbers(ParameterRule rule) {
        double[] v = numbers(rule.name());
        if (v != null) for (double d : v) rule.check(d, where);
        return v;
    }

    /** A number or an array of numbers, as an array; null when absent. */
    double[] numbers(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return new double[] {v.asDouble()};
        if (v.isArray()) {
            double[] out = new double[v.size()];
            for (int i = 0; i < out.length; i++) {
                if (!v.get(i).isNumber()) {
                    throw new IllegalArgumentException(where + ": '" + name + "' must hold numbers, got " + v);
                }
                out[i] = v.get(i).asDouble();
            }
            return out;
        }
        throw new IllegalArgumentException(where + ": '" + name + "' must be a number or a list of numbers, got " + v);
    }
}
