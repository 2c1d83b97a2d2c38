package org.signalanalyzer.dsp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing over every real file: 2000 inputs made by flipping bits, writing extreme values into
 * header fields, inserting, deleting and duplicating bytes, swapping text characters for separators, digits and
 * line ends, and truncating. Each must end in a Recording or a RecordingFormatException with a position.
 * Reproduce a failure from the printed seed and case number; a longer hunt: {@code -Dfuzz.seed=N -Dfuzz.cases=M}.
 */
class MutationFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261124L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 2000);
    private static final byte[] TEXT_BYTES =
            "\t\n\r,;.-+eE0123456789 \"#()[]=\u00b5x".getBytes(StandardCharsets.ISO_8859_1);
    private static final long[] EXTREMES = {
        0,
        -1,
        1,
        Integer.MAX_VALUE,
        Integer.MIN_VALUE,
        Short.MAX_VALUE,
        Short.MIN_VALUE,
        0xFFFF,
        1L << 40,
        Long.MAX_VALUE,
        Float.floatToIntBits(Float.NaN),
        Float.floatToIntBits(Float.POSITIVE_INFINITY),
        Float.floatToIntBits(1e-40f),
        Float.floatToIntBits(-1f)
    };

    @Test
    void everyMutatedInputEndsInARecordingOrTheTypedError() throws Exception {
        List<byte[]> originals = new ArrayList<>();
        List<String> names = ExpectedFiles.names();
        for (String f : names) originals.add(Files.readAllBytes(ExpectedFiles.path(f)));
        Random rnd = new Random(SEED);
        int read = 0;
        int refused = 0;
        for (int c = 0; c < CASES; c++) {
            int which = rnd.nextInt(originals.size());
            byte[] b = mutate(originals.get(which), names.get(which).endsWith(".abf"), rnd);
            String what = "seed " + SEED + " case " + c + " (" + names.get(which) + ")";
            RecordingFormatException e = MalformedInputTest.outcome(what, b);
            if (e == null) {
                read++;
            } else {
                refused++;
                assertTrue(e.position() >= 0 || e.getMessage().contains("empty"), what + ": " + e.getMessage());
            }
        }
        assertEquals(CASES, read + refused);
        System.out.printf("mutation fuzz: %d inputs, %d read, %d refused with a position%n", CASES, read, refused);
    }

    static byte[] mutate(byte[] original, boolean binary, Random rnd) {
        byte[] b = original.clone();
        int header = Math.min(b.length, binary ? 8192 : 2048);
        switch (rnd.nextInt(7)) {
            case 0 -> {
                for (int k = 1 + rnd.nextInt(16); k > 0; k--) b[rnd.nextInt(header)] ^= (byte) (1 << rnd.nextInt(8));
            }
            case 1 -> {
                int width = new int[] {2, 4, 8}[rnd.nextInt(3)];
                int at = rnd.nextInt(Math.max(1, header - width));
                long v = rnd.nextBoolean() ? EXTREMES[rnd.nextInt(EXTREMES.length)] : rnd.nextLong();
                ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
                if (at + width <= b.length) {
                    if (width == 2) buf.putShort(at, (short) v);
                    else if (width == 4) buf.putInt(at, (int) v);
                    else buf.putLong(at, v);
                }
            }
            case 2 -> {
                int at = rnd.nextInt(b.length);
                byte[] extra = new byte[1 + rnd.nextInt(64)];
                rnd.nextBytes(extra);
                byte[] out = new byte[b.length + extra.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(extra, 0, out, at, extra.length);
                System.arraycopy(b, at, out, at + extra.length, b.length - at);
                b = out;
            }
            case 3 -> {
                int at = rnd.nextInt(b.length);
                int len = Math.min(b.length - at, 1 + rnd.nextInt(512));
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
                b = out;
            }
            case 4 -> {
                int at = rnd.nextInt(b.length);
                int len = Math.min(b.length - at, 1 + rnd.nextInt(4096));
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, at + len);
                System.arraycopy(b, at, out, at + len, b.length - at);
                b = out;
            }
            case 5 -> {
                for (int k = 1 + rnd.nextInt(8); k > 0; k--) {
                    int at = rnd.nextBoolean() ? rnd.nextInt(header) : rnd.nextInt(b.length);
                    b[at] = TEXT_BYTES[rnd.nextInt(TEXT_BYTES.length)];
                }
            }
            default -> b = Arrays.copyOf(b, rnd.nextInt(b.length));
        }
        return b;
    }
}
