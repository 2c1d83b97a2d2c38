package org.signalanalyzer.dsp.export;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** The Excel number formats the exports use, with the text each shows (for column widths). */
enum NumberFormat {
    /** Excel's default: whole numbers show as such, others with up to 10 significant digits. */
    GENERAL("General", -1),
    WHOLE("0", 0),
    TWO_DECIMALS("0.00", 2),
    THREE_DECIMALS("0.000", 3),
    SEVEN_DECIMALS("0.0000000", 7);

    final String pattern;
    private final int decimals;
    /** DecimalFormat is not thread-safe; String.format per cell was a quarter of a large workbook's time. */
    private final ThreadLocal<DecimalFormat> fixed;

    NumberFormat(String pattern, int decimals) {
        this.pattern = pattern;
        this.decimals = decimals;
        this.fixed = ThreadLocal.withInitial(() -> {
            DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
            f.setRoundingMode(RoundingMode.HALF_UP);
            return f;
        });
    }

    /** The text Excel shows for {@code value} in this format, with a decimal point whatever the machine's locale. */
    String display(double value) {
        if (decimals >= 0) return fixed.get().format(value);
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return Long.toString((long) value);
        return new BigDecimal(value)
                .round(new MathContext(10))
                .stripTrailingZeros()
                .toPlainString();
    }
}
