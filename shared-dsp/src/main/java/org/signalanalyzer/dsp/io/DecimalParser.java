package org.signalanalyzer.dsp.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers straight from file bytes, giving exactly the double {@link Double#parseDouble} gives.
 *
 * <p>Why not Double.parseDouble on every token: building a String per number costs more than the parse itself and
 * caps text readers far below disk speed. The fast path is Clinger's: a decimal with at most 15 significant digits
 * and a power of ten up to 22 is an exact integer times (or divided by) an exact power of ten, so the one IEEE
 * multiplication or division is correctly rounded. Anything else (more digits, huge exponents, odd spellings)
 * goes to Double.parseDouble, so the result is always the correctly rounded value.
 *
 * <p>Not thread-safe: one instance per thread; {@link #value()}, {@link #end()} and {@link #lastDigitExponent()} describe the
 * last successful {@link #parse}.
 */
final class DecimalParser {

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };
    private static final long MAX_EXACT = 1L << 53;

    private double value;
    private int end;
    private int lastDigitExponent;
    /** The mantissa {@link #scanDigits} last read. */
    private long scanned;

    double value() {
        return value;
    }

    /** Index just past the number. */
    int end() {
        return end;
    }

    /** The power of ten of the last printed digit (-5 for "1.09998", -5 for "1e-5"). */
    int lastDigitExponent() {
        return lastDigitExponent;
    }

    /**
     * Half a unit in the last printed digit: how far a printed value may be from what the writer held. Zero for a
     * zero, which writers print as "0" only when it is exactly zero.
     */
    static double halfUlp(double value, int lastDigitExponent) {
        if (value == 0) return 0;
        return lastDigitExponent >= -22 && lastDigitExponent <= 22
                ? (lastDigitExponent >= 0 ? 0.5 * POW10[lastDigitExponent] : 0.5 / POW10[-lastDigitExponent])
                : 0.5 * Math.pow(10, lastDigitExponent);
    }

    /** True if {@code c} ends a number: a field separator, a line end. */
    static boolean isDelimiter(byte c) {
        return c == '\t' || c == ' ' || c == ',' || c == ';' || c == '\n' || c == '\r';
    }

    /**
     * Parses the number starting at {@code start} and ending at a delimiter or {@code limit}; false if the token
     * there is not a finite decimal number (nothing is consumed then).
     */
    boolean parse(byte[] b, int start, int limit) {
        // The shape of nearly every token in a recording, "-81.2073": digits, a point, digits. Eight bytes at a time
        // (a run of digits found and converted with a few word operations) while a word fits before the limit;
        // byte by byte near the end of the data; anything else (exponents, long mantissas) takes the general path.
        int i = start;
        boolean negative = i < limit && b[i] == '-';
        if (negative) i++;
        if (i + 18 > limit) return parseShort(b, start, limit);
        long x = (long) LONGS.get(b, i);
        int whole = digitRun(x);
        if (whole == 8) return parseShort(b, start, limit);
        long mantissa = eightDigits(x, whole);
        i += whole;
        int fraction = 0;
        if (b[i] == '.') {
            i++;
            long y = (long) LONGS.get(b, i);
            fraction = digitRun(y);
            if (fraction == 8) return parseShort(b, start, limit);
            mantissa = mantissa * LONG_POW10[fraction] + eightDigits(y, fraction);
            i += fraction;
        }
        // At most 7 + 7 digits here, so the mantissa is exact and the fast path's 15-digit bound holds.
        if (whole + fraction == 0 || !isDelimiter(b[i])) return parseGeneral(b, start, limit);
        double v = fraction == 0 ? mantissa : mantissa / POW10[fraction];
        value = negative ? -v : v;
        end = i;
        lastDigitExponent = -fraction;
        return true;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long[] LONG_POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000};
    private static final long ZEROS = 0x3030303030303030L;
    private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;

    /**
     * How many of the word's bytes, from its first (lowest), are ASCII digits: 0 to 8. A byte is a digit when its
     * high nibble is 3 both as it is and with 6 added (0x3A-0x3F become 0x40-0x45); the addition can carry into the
     * next byte only out of a byte of 0xFA or more, which is not a digit, so the first non-digit is still found.
     */
    private static int digitRun(long x) {
        long notDigit = ((x & HIGH_NIBBLES) ^ ZEROS) | (((x + 0x0606060606060606L) & HIGH_NIBBLES) ^ ZEROS);
        return Long.numberOfTrailingZeros(notDigit) >>> 3;
    }

    /**
     * The value of the word's first {@code n} bytes (digits, first byte most significant), n from 0 to 7. The
     * digits are moved to the top of the word with zeros before them, then combined in pairs, fours and eights.
     * Subtracting '0' from the bytes after the digits may borrow upwards, never into the digits, and they are
     * shifted out.
     */
    private static long eightDigits(long x, int n) {
        if (n == 0) return 0;
        long v = (x - ZEROS) << (8 * (8 - n));
        v = v * 10 + (v >>> 8);
        v = (((v & 0x000000FF000000FFL) * (100 + (1_000_000L << 32)))
                        + (((v >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32))))
                >>> 32;
        return v;
    }

    /** The same shape byte by byte: near the end of the data, or a run of eight digits or more. */
    private boolean parseShort(byte[] b, int start, int limit) {
        int i = start;
        boolean negative = i < limit && b[i] == '-';
        if (negative) i++;
        int digitsStart = i;
        i = scanDigits(b, i, limit, 0);
        long mantissa = scanned;
        int fraction = 0;
        if (i < limit && b[i] == '.') {
            int fractionStart = ++i;
            i = scanDigits(b, i, limit, mantissa);
            mantissa = scanned;
            fraction = i - fractionStart;
        }
        int digits = i - digitsStart - (fraction > 0 || (i > digitsStart && b[i - 1] == '.') ? 1 : 0);
        if (digits == 0 || digits > 15 || (i < limit && !isDelimiter(b[i]))) return parseGeneral(b, start, limit);
        double v = fraction == 0 ? mantissa : mantissa / POW10[fraction];
        value = negative ? -v : v;
        end = i;
        lastDigitExponent = -fraction;
        return true;
    }

    private boolean parseGeneral(byte[] b, int start, int limit) {
        int i = start;
        boolean negative = false;
        if (i < limit && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        int digitsStart = i;
        i = scanDigits(b, i, limit, 0);
        long mantissa = scanned;
        int digits = i - digitsStart;
        int exponent = 0;
        if (i < limit && b[i] == '.') {
            int fractionStart = ++i;
            i = scanDigits(b, i, limit, mantissa);
            mantissa = scanned;
            exponent = fractionStart - i;
            digits -= exponent;
        }
        // More than 18 digits may have overflowed the long: Double.parseDouble handles those (rare) tokens.
        if (digits == 0 || digits > 18) return slowPath(b, start, limit);
        int printedExponent = exponent;
        if (i < limit && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < limit && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            int e = 0;
            int d;
            int expStart = i;
            while (i < limit && (d = b[i] - '0') >= 0 && d <= 9) {
                if (e < 100_000) e = e * 10 + d;
                i++;
            }
            if (i == expStart) return slowPath(b, start, limit);
            exponent += negativeExponent ? -e : e;
            printedExponent = exponent;
        }
        if (i < limit && !isDelimiter(b[i])) return slowPath(b, start, limit);
        double v;
        if (mantissa == 0) {
            v = 0.0;
        } else if (mantissa < MAX_EXACT && exponent >= -22 && exponent <= 22) {
            v = exponent >= 0 ? mantissa * POW10[exponent] : mantissa / POW10[-exponent];
        } else {
            return slowPath(b, start, limit);
        }
        value = negative ? -v : v;
        end = i;
        lastDigitExponent = printedExponent;
        return true;
    }

    /**
     * Reads the digits from {@code i} on, each appended to {@code mantissa} (times ten plus the digit), and leaves
     * the result in {@link #scanned}; returns the index after the last digit. Overflow is the caller's to judge
     * from the count of digits.
     */
    private int scanDigits(byte[] b, int i, int limit, long mantissa) {
        int d;
        while (i < limit && (d = b[i] - '0') >= 0 && d <= 9) {
            mantissa = mantissa * 10 + d;
            i++;
        }
        scanned = mantissa;
        return i;
    }

    private boolean slowPath(byte[] b, int start, int limit) {
        int i = start;
        while (i < limit && !isDelimiter(b[i])) i++;
        if (i == start) return false;
        String token = new String(b, start, i - start, StandardCharsets.ISO_8859_1);
        if (!isPlainDecimal(token)) return false;
        double v = Double.parseDouble(token);
        if (!Double.isFinite(v)) return false;
        value = v;
        end = i;
        lastDigitExponent = lastDigitExponent(token);
        return true;
    }

    /**
     * Only [sign] digits [. digits] [e [sign] digits]: Double.parseDouble also takes "NaN", "Infinity", hex and a
     * trailing 'd' or 'f', none of which is a number in a recording.
     */
    private static boolean isPlainDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) return false;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
            int expDigits = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                expDigits++;
            }
            if (expDigits == 0) return false;
        }
        return i == n;
    }

    private static int lastDigitExponent(String token) {
        int e = token.indexOf('e') >= 0 ? token.indexOf('e') : token.indexOf('E');
        String mantissa = e >= 0 ? token.substring(0, e) : token;
        int exp = 0;
        if (e >= 0) {
            String t = token.substring(e + 1);
            if (t.startsWith("+")) t = t.substring(1);
            exp = t.length() > 6 ? (t.startsWith("-") ? -999_999 : 999_999) : Integer.parseInt(t);
        }
        int dot = mantissa.indexOf('.');
        return exp - (dot < 0 ? 0 : mantissa.length() - dot - 1);
    }
}
