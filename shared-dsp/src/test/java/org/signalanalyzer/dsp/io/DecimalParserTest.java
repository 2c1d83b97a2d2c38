package org.signalanalyzer.dsp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte-level parser must give bit for bit the double Double.parseDouble gives (the JDK is the reference). */
class DecimalParserTest {

    /**
     * What follows a token in a file: the parser reads eight bytes at a time where they fit before the limit, and
     * byte by byte near it, so every token is parsed both ways (the bytes after the delimiter must not matter).
     */
    private static final String[] AFTER = {
        "\t",
        "\r\n12345678901234567890",
        "\t9999999999999999999",
        ",\u00ff\u00fa\u00fe\u00ff\u00fa\u00fe\u00ff\u00fa\u00fe\u00ff\u00fa\u00fe\u00ff\u00fa\u00fe\u00ff\u00fa\u00fe\u00ff",
        " //////////////////////",
        "\n::::::::::::::::::::::"
    };

    private static double parse(String token) {
        double first = 0;
        for (int k = 0; k < AFTER.length; k++) {
            byte[] b = (token + AFTER[k]).getBytes(StandardCharsets.ISO_8859_1);
            DecimalParser p = new DecimalParser();
            assertTrue(p.parse(b, 0, b.length), token);
            assertEquals(token.length(), p.end(), "end of " + token);
            if (k == 0) first = p.value();
            else
                assertEquals(
                        Double.doubleToRawLongBits(first),
                        Double.doubleToRawLongBits(p.value()),
                        token + " followed by " + AFTER[k].charAt(0) + "...");
        }
        return first;
    }

    private static void same(String token) {
        assertEquals(
                Double.doubleToRawLongBits(Double.parseDouble(token)), Double.doubleToRawLongBits(parse(token)), token);
    }

    @Test
    void typicalAtfTokens() {
        for (String t : new String[] {
            "0",
            "-0",
            "1e-5",
            "5e-5",
            "2946.17",
            "-81.2073",
            "0.99995",
            "9.99910000002",
            "-0.00114441",
            "1.09998",
            "+3.5",
            "1.",
            ".5",
            "-.25",
            "1E3",
            "1e+3",
            "123456789012345678",
            "1234567890123456789012",
            "0.1",
            "0.3",
            "9007199254740993",
            "4.9e-324",
            "1.7976931348623157e308",
            "2.2250738585072014e-308",
            "1e23",
            "8.41e21",
            "1e-22",
            "1e-23",
            "0.000000000000000000000000001",
            "-0.0",
            "0.000",
            "123456789012345",
            "1234567890123456",
            "0.123456789012345",
            "0.1234567890123456",
            "1.0000000000000002",
            "999999999999999.9",
            "00000000000000000001.5"
        }) {
            same(t);
        }
    }

    @Test
    void randomDecimalsOfManyShapes() {
        Random rnd = new Random(20261124);
        for (int i = 0; i < 200_000; i++) {
            double v = Double.longBitsToDouble(rnd.nextLong());
            if (!Double.isFinite(v)) continue;
            int digits = 1 + rnd.nextInt(17);
            String t = switch (i % 4) {
                case 0 -> String.format(Locale.ROOT, "%." + digits + "g", v);
                case 1 -> String.format(Locale.ROOT, "%." + (digits % 8) + "f", rnd.nextGaussian() * 1e4);
                case 2 ->
                    String.format(
                            Locale.ROOT, "%." + digits + "e", rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20));
                default -> Double.toString(v);
            };
            if (Double.isFinite(Double.parseDouble(t))) same(t);
        }
    }

    @Test
    void refusesWhatIsNotAFiniteDecimal() {
        DecimalParser p = new DecimalParser();
        for (String t : new String[] {
            "",
            "-",
            ".",
            "e5",
            "1e",
            "1e+",
            "abc",
            "NaN",
            "Infinity",
            "1.#INF",
            "0x1p3",
            "1.5f",
            "1d",
            "1e999",
            "1..2",
            "--1",
            "12a",
            "1234567.x",
            "-.",
            "1.2.3",
            "12:3",
            "9/2"
        }) {
            byte[] b = t.getBytes(StandardCharsets.ISO_8859_1);
            assertFalse(p.parse(b, 0, b.length), "'" + t + "' is not a number");
            byte[] padded = (t + "\t12345678901234567890").getBytes(StandardCharsets.ISO_8859_1);
            assertFalse(p.parse(padded, 0, padded.length), "'" + t + "' followed by more is not a number");
        }
    }

    @Test
    void halfUlpIsHalfTheLastPrintedDigit() {
        DecimalParser p = new DecimalParser();
        byte[] b = "1.09998".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(p.parse(b, 0, b.length));
        assertEquals(5e-6, DecimalParser.halfUlp(p.value(), p.lastDigitExponent()), 1e-20);
        b = "5e-5".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(p.parse(b, 0, b.length));
        assertEquals(5e-6, DecimalParser.halfUlp(p.value(), p.lastDigitExponent()), 1e-20);
    }
}
