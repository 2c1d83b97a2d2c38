package org.signalanalyzer.dsp.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * What one parameter accepts and what it defaults to, in a form a form can be built from. The filter steps and the
 * protocol parameters read their defaults from their rules and refuse what their rules refuse, and
 * {@code GET /api/config} answers the same rules, so the browser's form and the validation cannot drift apart.
 * Bounds a rule cannot say alone (polyorder below the window, a cutoff below the recording's Nyquist) are in
 * {@link #note()} and checked where the other value is known.
 *
 * @param defaultValue an Integer, Double, String, Boolean, List of numbers, or {@code null}
 * @param min          the lower bound, or {@code null} when unbounded
 * @param allowed      the values a choice takes, or {@code null}
 */
public record ParameterRule(
        String name,
        Type type,
        Object defaultValue,
        boolean nullable,
        Double min,
        Double max,
        boolean minExclusive,
        boolean maxExclusive,
        List<String> allowed,
        String unit,
        String note) {

    /** The JSON kind of value. */
    public enum Type {
        INTEGER,
        NUMBER,
        CHOICE,
        NUMBERS,
        BOOLEAN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ParameterRule {
        allowed = allowed == null ? null : List.copyOf(allowed);
    }

    /** A whole number; {@code defaultValue} null only with {@link #orNull()}; a null bound is unbounded. */
    public static ParameterRule integer(String name, Integer defaultValue, Integer min, Integer max) {
        return new ParameterRule(
                name,
                Type.INTEGER,
                defaultValue,
                false,
                min == null ? null : (double) min,
                max == null ? null : (double) max,
                false,
                false,
                null,
                null,
                null);
    }

    public static ParameterRule number(String name, Double defaultValue, Double min, Double max) {
        return new ParameterRule(name, Type.NUMBER, defaultValue, false, min, max, false, false, null, null, null);
    }

    public static ParameterRule choice(String name, String defaultValue, List<String> allowed) {
        return new ParameterRule(name, Type.CHOICE, defaultValue, false, null, null, false, false, allowed, null, null);
    }

    public static ParameterRule numbers(String name, List<Double> defaultValue, Double min, Double max) {
        return new ParameterRule(name, Type.NUMBERS, defaultValue, false, min, max, false, false, null, null, null);
    }

    public static ParameterRule bool(String name, boolean defaultValue) {
        return new ParameterRule(name, Type.BOOLEAN, defaultValue, false, null, null, false, false, null, null, null);
    }

    public ParameterRule unit(String u) {
        return new ParameterRule(
                name, type, defaultValue, nullable, min, max, minExclusive, maxExclusive, allowed, u, note);
    }

    public ParameterRule note(String n) {
        return new ParameterRule(
                name, type, defaultValue, nullable, min, max, minExclusive, maxExclusive, allowed, unit, n);
    }

    public ParameterRule orNull() {
        return new ParameterRule(
                name, type, defaultValue, true, min, max, minExclusive, maxExclusive, allowed, unit, note);
    }

    /** The bounds themselves are refused (a strict inequality). */
    public ParameterRule exclusive(boolean lower, boolean upper) {
        return new ParameterRule(name, type, defaultValue, nullable, min, max, lower, upper, allowed, unit, note);
    }

    public int defaultInt() {
        return ((Number) defaultValue).intValue();
    }

    public double defaultNumber() {
        return ((Number) defaultValue).doubleValue();
    }

    public String defaultText() {
        return (String) defaultValue;
    }

    /** Whether a number lies within the bounds (NaN and infinities never do, unless unbounded that way). */
    public boolean admits(double v) {
        if (Double.isNaN(v)) return false;
        if (min != null && (minExclusive ? !(v > min) : !(v >= min))) return false;
        if (max != null && (maxExclusive ? !(v < max) : !(v <= max))) return false;
        return (min != null && max != null) || Double.isFinite(v);
    }

    public boolean admits(String choice) {
        return allowed == null || allowed.stream().anyMatch(a -> a.equalsIgnoreCase(choice));
    }

    /** The bounds in words, e.g. "1 to 10", "> 0", "0 < x < 1". */
    public String bounds() {
        String lo = min == null ? null : format(min);
        String hi = max == null ? null : format(max);
        if (lo != null && hi != null) {
            if (!minExclusive && !maxExclusive) return lo + " to " + hi;
            return lo + (minExclusive ? " < " : " ≤ ") + "x" + (maxExclusive ? " < " : " ≤ ") + hi;
        }
        if (lo != null) return (minExclusive ? "> " : "≥ ") + lo;
        if (hi != null) return (maxExclusive ? "< " : "≤ ") + hi;
        return "any number";
    }

    /** Refuses {@code v} outside the bounds, naming {@code where} and the parameter. */
    public double check(double v, String where) {
        if (!admits(v)) {
            throw new IllegalArgumentException(where + ": '" + name + "' must be " + bounds()
                    + (unit == null ? "" : " " + unit) + ", got " + format(v));
        }
        return v;
    }

    public int check(int v, String where) {
        check((double) v, where);
        return v;
    }

    /** A bound or value as a person writes it: 42, not 42.0. */
    public static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode n = f.objectNode();
        n.put("name", name);
        n.put("type", type.label());
        n.set("default", value(defaultValue));
        n.put("nullable", nullable);
        n.set("min", value(min));
        n.set("max", value(max));
        n.put("minExclusive", minExclusive);
        n.put("maxExclusive", maxExclusive);
        if (allowed == null) {
            n.putNull("allowed");
        } else {
            ArrayNode a = n.putArray("allowed");
            allowed.forEach(a::add);
        }
        n.put("unit", unit);
        n.put("note", note);
        return n;
    }

    private static JsonNode value(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) return f.nullNode();
        if (v instanceof Integer i) return f.numberNode(i);
        if (v instanceof Double d)
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? f.numberNode(d.longValue()) : f.numberNode(d);
        if (v instanceof Boolean b) return f.booleanNode(b);
        if (v instanceof List<?> list) {
            ArrayNode a = f.arrayNode();
            for (Object o : list) a.add(value(o));
            return a;
        }
        return f.textNode(v.toString());
    }
}
