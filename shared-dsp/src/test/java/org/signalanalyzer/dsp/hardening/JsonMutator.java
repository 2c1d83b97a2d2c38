package org.signalanalyzer.dsp.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a JSON document, half on the tree (a value of another type or an extreme number, a field
 * removed, an unknown field, an element duplicated, a name from the vocabulary put where it does not belong) and
 * half on the text (bytes flipped, cut, deep nesting, bare tokens), so both the parser and the validation behind it
 * are exercised.
 */
final class JsonMutator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] TEXT_NOISE = {
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\",
        "\\u0000",
        "-",
        "e",
        "E",
        "1e999",
        "-0",
        "NaN",
        "Infinity",
        "null",
        "true",
        "\u00b5",
        "\uD83D\uDE00",
        " ",
        "\n"
    };

    private final List<String> vocabulary;

    /** @param vocabulary names the format knows (step types, modes, keys): mutations reuse them in wrong places */
    JsonMutator(List<String> vocabulary) {
        this.vocabulary = List.copyOf(vocabulary);
    }

    String mutate(JsonNode seed, Random rnd) {
        if (rnd.nextInt(10) < 8) {
            JsonNode tree = seed.deepCopy();
            for (int k = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(3) : 1; k > 0; k--) tree = mutateTree(tree, rnd);
            return tree.toString();
        }
        return mutateText(seed.toString(), rnd);
    }

    private JsonNode mutateTree(JsonNode root, Random rnd) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) return randomValue(rnd, 0);
        JsonNode target = containers.get(rnd.nextInt(containers.size()));
        if (target instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            int op = rnd.nextInt(10);
            if (op == 0 && !names.isEmpty()) {
                o.remove(names.get(rnd.nextInt(names.size())));
            } else if (op == 1 || names.isEmpty()) {
                String name = rnd.nextBoolean() ? pick(rnd) : "x" + rnd.nextInt(1000);
                o.set(name, randomValue(rnd, 0));
            } else {
                String name = names.get(rnd.nextInt(names.size()));
                o.set(name, op < 6 ? near(o.get(name), rnd) : randomValue(rnd, 0));
            }
        } else if (target instanceof ArrayNode a) {
            int op = rnd.nextInt(5);
            if (op == 0 && a.size() > 0) {
                a.remove(rnd.nextInt(a.size()));
            } else if (op == 1 && a.size() > 0) {
                for (int k = rnd.nextInt(50); k > 0; k--)
                    a.add(a.get(rnd.nextInt(a.size())).deepCopy());
            } else if (op == 2 && a.size() > 0) {
                int i = rnd.nextInt(a.size());
                a.set(i, near(a.get(i), rnd));
            } else if (a.size() > 0) {
                a.set(rnd.nextInt(a.size()), randomValue(rnd, 0));
            } else {
                a.add(randomValue(rnd, 0));
            }
        }
        return root;
    }

    /** A value of the same kind as {@code old}, mostly plausible, sometimes extreme: reaches past validation. */
    private JsonNode near(JsonNode old, Random rnd) {
        if (old != null && old.isNumber()) {
            double v = old.asDouble();
            double[] candidates = {
                v + 1,
                v - 1,
                -v,
                v * 2,
                v / 2,
                v * 10,
                v / 10,
                v * 1e6,
                v / 1e6,
                0,
                v + 0.5,
                Math.nextUp(v),
                Integer.MAX_VALUE,
                -1e9,
                1e308,
                Double.MIN_VALUE
            };
            double c = candidates[rnd.nextInt(candidates.length)];
            return old.isIntegralNumber() && c == Math.rint(c) && Math.abs(c) < 9e18
                    ? F.numberNode((long) c)
                    : F.numberNode(c);
        }
        if (old != null && old.isTextual()) return F.textNode(pick(rnd));
        if (old != null && old.isBoolean()) return F.booleanNode(!old.asBoolean());
        return randomValue(rnd, 0);
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) collect(it.next(), out);
        }
    }

    JsonNode randomValue(Random rnd, int depth) {
        switch (rnd.nextInt(depth > 2 ? 12 : 15)) {
            case 0:
                return F.nullNode();
            case 1:
                return F.booleanNode(rnd.nextBoolean());
            case 2:
                return F.textNode(pick(rnd));
            case 3:
                return F.textNode(rnd.nextBoolean() ? "" : "x".repeat(rnd.nextInt(100_000)));
            case 4:
                return F.numberNode(new int[] {0, -1, 1, 2, 3, 5, 10, 11, 51, 101, Integer.MAX_VALUE, Integer.MIN_VALUE}
                        [rnd.nextInt(12)]);
            case 5:
                return F.numberNode(new double[] {
                            0.0,
                            -0.0,
                            0.5,
                            1.0,
                            0.999999,
                            1e-300,
                            1e300,
                            -1e300,
                            Double.MAX_VALUE,
                            Double.MIN_VALUE,
                            1.5,
                            -2.5
                        }
                        [rnd.nextInt(12)]);
            case 6:
                return F.numberNode(new BigInteger("9".repeat(1 + rnd.nextInt(40))));
            case 7:
                return F.numberNode(rnd.nextGaussian() * Math.pow(10, rnd.nextInt(12) - 3));
            case 8:
                return F.numberNode(rnd.nextInt(2000) - 1000);
            case 9:
                return F.textNode(Integer.toString(rnd.nextInt(100)));
            case 10:
                return F.textNode("../".repeat(rnd.nextInt(5)) + "\u0000" + pick(rnd));
            case 11:
                return F.numberNode(rnd.nextDouble());
            case 12: {
                ArrayNode a = F.arrayNode();
                for (int k = rnd.nextInt(4); k > 0; k--) a.add(randomValue(rnd, depth + 1));
                return a;
            }
            case 13: {
                ObjectNode o = F.objectNode();
                for (int k = rnd.nextInt(4); k > 0; k--) o.set(pick(rnd), randomValue(rnd, depth + 1));
                return o;
            }
            default: {
                ArrayNode a = F.arrayNode();
                a.add(rnd.nextInt(200) - 50);
                a.add(rnd.nextInt(200) - 50);
                return a;
            }
        }
    }

    private String mutateText(String text, Random rnd) {
        StringBuilder s = new StringBuilder(text);
        switch (rnd.nextInt(5)) {
            case 0 -> {
                for (int k = 1 + rnd.nextInt(4); k > 0 && s.length() > 0; k--) s.deleteCharAt(rnd.nextInt(s.length()));
            }
            case 1 -> {
                for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
                    s.insert(rnd.nextInt(s.length() + 1), TEXT_NOISE[rnd.nextInt(TEXT_NOISE.length)]);
                }
            }
            case 2 -> s.setLength(rnd.nextInt(s.length() + 1));
            case 3 -> {
                int depth = rnd.nextBoolean() ? 100 + rnd.nextInt(200) : 2000 + rnd.nextInt(50_000);
                int at = rnd.nextInt(s.length() + 1);
                s.insert(at, "[".repeat(depth) + "]".repeat(rnd.nextBoolean() ? depth : 0));
            }
            default -> {
                for (int k = 1 + rnd.nextInt(4); k > 0 && s.length() > 0; k--) {
                    int at = rnd.nextInt(s.length());
                    s.setCharAt(at, (char) (s.charAt(at) ^ (1 << rnd.nextInt(7))));
                }
            }
        }
        return s.toString();
    }

    private String pick(Random rnd) {
        return vocabulary.get(rnd.nextInt(vocabulary.size()));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("seed is not JSON: " + json, e);
        }
    }
}
