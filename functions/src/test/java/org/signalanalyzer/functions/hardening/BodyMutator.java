package org.signalanalyzer.functions.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of an API request body: mostly one value changed to a neighbour, an extreme or another type
 * (so validation is passed and the work behind it runs), sometimes a field dropped or added, sometimes the text
 * itself broken (cut, flipped, deeply nested, not JSON at all).
 */
final class BodyMutator {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] WORDS = {
        "desktop",
        "standard",
        "auto",
        "raw",
        "batch",
        "gui-default",
        "savgol",
        "butterworth",
        "wavelet",
        "fft",
        "extract_add",
        "csv",
        "tidy-csv",
        "full",
        "lab-sets",
        "json",
        "steps",
        "preset",
        "type",
        "window",
        "order",
        "wn",
        "hyperpol",
        "depol",
        "../../etc/passwd",
        "%2e%2e%2f",
        "\u0000",
        "\u00b5\u00e9\u4e2d\uD83D\uDE00",
        "",
        "35",
        "-1",
        "1e999",
        "NaN"
    };

    static String mutate(JsonNode seed, Random rnd) {
        int what = rnd.nextInt(20);
        if (what < 15) {
            JsonNode tree = seed.deepCopy();
            List<JsonNode> containers = new ArrayList<>();
            collect(tree, containers);
            JsonNode target = containers.get(rnd.nextInt(containers.size()));
            if (target instanceof ObjectNode o && o.size() > 0) {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                String name = names.get(rnd.nextInt(names.size()));
                int op = rnd.nextInt(10);
                if (op == 0) o.remove(name);
                else if (op == 1) o.set(WORDS[rnd.nextInt(WORDS.length)], value(rnd));
                else o.set(name, op < 6 ? near(o.get(name), rnd) : value(rnd));
            } else if (target instanceof ArrayNode a && a.size() > 0) {
                int i = rnd.nextInt(a.size());
                a.set(i, rnd.nextBoolean() ? near(a.get(i), rnd) : value(rnd));
            }
            return tree.toString();
        }
        String text = seed.toString();
        return switch (what) {
            case 15 -> text.substring(0, rnd.nextInt(text.length()));
            case 16 -> "[".repeat(1 + rnd.nextInt(5000)) + text;
            case 17 -> text.replace(':', rnd.nextBoolean() ? ',' : '=');
            case 18 -> rnd.nextBoolean() ? "" : "x".repeat(rnd.nextInt(1 << 20));
            default -> {
                StringBuilder s = new StringBuilder(text);
                for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                    int at = rnd.nextInt(s.length());
                    s.setCharAt(at, (char) (s.charAt(at) ^ (1 << rnd.nextInt(7))));
                }
                yield s.toString();
            }
        };
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) collect(it.next(), out);
        }
    }

    private static JsonNode near(JsonNode old, Random rnd) {
        if (old != null && old.isNumber()) {
            double v = old.asDouble();
            double[] c = {v + 1, v - 1, -v, v * 2, v / 2, v * 1000, 0, v + 0.5, Integer.MAX_VALUE, -1e9, 1e308};
            double x = c[rnd.nextInt(c.length)];
            return x == Math.rint(x) && Math.abs(x) < 9e18 ? F.numberNode((long) x) : F.numberNode(x);
        }
        if (old != null && old.isTextual()) return F.textNode(WORDS[rnd.nextInt(WORDS.length)]);
        return value(rnd);
    }

    private static JsonNode value(Random rnd) {
        return switch (rnd.nextInt(10)) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(rnd.nextBoolean());
            case 2 -> F.textNode(WORDS[rnd.nextInt(WORDS.length)]);
            case 3 -> F.numberNode(new double[] {0, -1, 1e-300, 1e300, Double.MAX_VALUE, 0.5}[rnd.nextInt(6)]);
            case 4 -> F.numberNode(new BigInteger("9".repeat(1 + rnd.nextInt(60))));
            case 5 -> F.numberNode(rnd.nextInt(1000) - 100);
            case 6 -> F.arrayNode().add(rnd.nextInt(300) - 50).add(rnd.nextInt(300) - 50);
            case 7 -> F.objectNode().put(WORDS[rnd.nextInt(WORDS.length)], rnd.nextInt(10));
            case 8 -> F.textNode("x".repeat(rnd.nextInt(200_000)));
            default -> F.arrayNode();
        };
    }
}
