package org.signalanalyzer.dsp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The line-end count that sizes the data arrays, against a byte-by-byte count of the parser's rule. */
class LineCounterTest {

    /** The parser's rule (NumberTable): LF, CRLF and a lone CR each end one line. */
    private static int naive(byte[] b, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') count++;
            else if (b[i] == '\r' && (i + 1 >= to || b[i + 1] != '\n')) count++;
        }
        return count;
    }

    @Test
    void countsMixedLineEndsAcrossWordBoundaries() {
        Random rnd = new Random(11);
        byte[] alphabet = {'\r', '\n', '1', '\t', '\r', '\n'};
        for (int trial = 0; trial < 2000; trial++) {
            byte[] b = new byte[rnd.nextInt(40)];
            for (int i = 0; i < b.length; i++) b[i] = alphabet[rnd.nextInt(alphabet.length)];
            int from = b.length == 0 ? 0 : rnd.nextInt(b.length);
            assertEquals(naive(b, from, b.length), LineCounter.lineEnds(b, from, b.length), "trial " + trial);
        }
    }

    @Test
    void countsEachKindOnce() {
        byte[] b = "a\r\nb\rc\nd\n\re\r\r\n".getBytes(StandardCharsets.US_ASCII);
        // CRLF, CR, LF, LF, CR, CR, CRLF
        assertEquals(7, LineCounter.lineEnds(b, 0, b.length));
    }
}
