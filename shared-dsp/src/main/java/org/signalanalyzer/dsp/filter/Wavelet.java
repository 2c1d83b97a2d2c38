package org.signalanalyzer.dsp.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A discrete wavelet's filter bank exactly as PyWavelets defines it (haar, db1–db20, sym2–sym20, coif1–coif17),
 * loaded from the {@code wavelets.json} resource beside this class.
 */
public final class Wavelet {

    private static final Map<String, Wavelet> ALL = load();

    private final String name;
    private final double[] decLo;
    private final double[] decHi;
    private final double[] recLo;
    private final double[] recHi;

    private Wavelet(String name, double[] decLo, double[] decHi, double[] recLo, double[] recHi) {
        this.name = name;
        this.decLo = decLo;
        this.decHi = decHi;
        this.recLo = recLo;
        this.recHi = recHi;
    }

    public static Wavelet named(String name) {
        Wavelet w = ALL.get(name);
        if (w == null) {
            throw new IllegalArgumentException(
                    "unknown wavelet '" + name + "': expected haar, db1-db20, sym2-sym20 " + "or coif1-coif17");
        }
        return w;
    }

    public static Set<String> names() {
        return Collections.unmodifiableSet(ALL.keySet());
    }

    public String name() {
        return name;
    }

    public int length() {
        return decLo.length;
    }

    double[] decLo() {
        return decLo;
    }

    double[] decHi() {
        return decHi;
    }

    double[] recLo() {
        return recLo;
    }

    double[] recHi() {
        return recHi;
    }

    private static Map<String, Wavelet> load() {
        try (InputStream in = Wavelet.class.getResourceAsStream("wavelets.json")) {
            if (in == null) throw new IllegalStateException("resource wavelets.json is missing beside Wavelet");
            JsonNode root = new ObjectMapper().readTree(in).get("wavelets");
            Map<String, Wavelet> map = new TreeMap<>();
            root.fields().forEachRemaining(e -> {
                JsonNode n = e.getValue();
                map.put(
                        e.getKey(),
                        new Wavelet(
                                e.getKey(),
                                doubles(n.get("dec_lo")),
                                doubles(n.get("dec_hi")),
                                doubles(n.get("rec_lo")),
                                doubles(n.get("rec_hi"))));
            });
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the wavelet filter banks", e);
        }
    }

    private static double[] doubles(JsonNode arr) {
        double[] d = new double[arr.size()];
        for (int i = 0; i < d.length; i++) d[i] = arr.get(i).asDouble();
        return d;
    }
}
