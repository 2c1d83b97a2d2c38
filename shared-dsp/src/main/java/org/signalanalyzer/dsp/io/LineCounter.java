package org.signalanalyzer.dsp.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Counts line-end bytes eight at a time, so text readers can size their arrays before parsing. */
final class LineCounter {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private LineCounter() { }

    /** How many bytes equal to {@code eol} lie in [from, to). */
    static int count(byte[] b, int from, int to, byte eol) {
        long pattern = (eol & 0xFFL) * ONES;
        int count = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ pattern;
            // A zero byte of x is a match; this form has no false positives (unlike the shorter haszero trick).
            long t = ((x & ~HIGHS) + ~HIGHS) | x;
            count += Long.bitCount(~t & HIGHS);
        }
        for (; i < to; i++) if (b[i] == eol) count++;
        return count;
    }
}
