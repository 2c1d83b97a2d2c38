package org.signalanalyzer.dsp.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Counts line ends eight bytes at a time, so text readers can size their arrays before parsing. */
final class LineCounter {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private LineCounter() {}

    private static final long LF = '\n' * ONES;
    private static final long CR = '\r' * ONES;

    /** How many line ends lie in [from, to): each LF, and each CR not followed by LF (CRLF counts once). */
    static int lineEnds(byte[] b, int from, int to) {
        int count = 0;
        int i = from;
        for (; i + 9 <= to; i += 8) {
            long x = (long) LONGS.get(b, i);
            long cr = matches(x, CR);
            if (cr == 0) {
                // Most words of an LF file, and all but the line ends of a CRLF one: no CR to pair up.
                count += Long.bitCount(matches(x, LF));
            } else {
                // Byte k of the second word is the byte after byte k of the first.
                long next = (long) LONGS.get(b, i + 1);
                count += Long.bitCount(matches(x, LF) | (cr & ~matches(next, LF)));
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n' || b[i] == '\r' && (i + 1 >= to || b[i + 1] != '\n')) count++;
        }
        return count;
    }

    /** The high bit of each byte of x equal to the byte repeated in {@code pattern}. */
    private static long matches(long x, long pattern) {
        long d = x ^ pattern;
        // A zero byte of d is a match; this form has no false positives (unlike the shorter haszero trick).
        long t = ((d & ~HIGHS) + ~HIGHS) | d;
        return ~t & HIGHS;
    }
}
