package org.signalanalyzer.dsp.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.signalanalyzer.dsp.SharedData;

/**
 * {@code ../shared/data/real/expected.json}: per real file, what its source documents (pyABF header dumps, Axon
 * ABFFIO first values, the ATF's own header) and reference values (pyABF / an independent float64 ATF parser).
 * Numbers are read as BigDecimal so a test knows how many decimals the reference was rounded to.
 */
final class ExpectedFiles {

    private static JsonNode root;

    private ExpectedFiles() {}

    static synchronized JsonNode files() {
        if (root == null) {
            try {
                root = new ObjectMapper()
                        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                        .readTree(SharedData.real("expected.json").toFile())
                        .get("files");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static List<String> names() {
        List<String> out = new ArrayList<>();
        files().fieldNames().forEachRemaining(out::add);
        return out;
    }

    static JsonNode of(String file) {
        return files().get(file);
    }

    static Path path(String file) {
        return SharedData.real(file);
    }

    /**
     * How far a value may be from a reference printed as {@code ref}: half a unit in the reference's last decimal
     * (it was rounded there), or {@code relative} of its size, whichever is larger.
     */
    static double tolerance(JsonNode ref, double relative) {
        BigDecimal d = ref.decimalValue();
        double halfUnit = 0.5 * Math.pow(10, -Math.max(0, d.scale()));
        return Math.max(halfUnit, relative * Math.abs(d.doubleValue()));
    }
}
