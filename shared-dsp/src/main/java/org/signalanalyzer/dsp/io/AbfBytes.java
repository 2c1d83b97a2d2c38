package org.signalanalyzer.dsp.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian reads from an ABF file's bytes. Every read is checked against the file's end, so a truncated or
 * hostile header gives a {@link RecordingFormatException} naming the offset and the field, never an index error.
 */
final class AbfBytes {

    static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle FLOATS = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final String name;
    private final byte[] b;

    AbfBytes(String name, byte[] b) {
        this.name = name;
        this.b = b;
    }

    String name() {
        return name;
    }

    byte[] bytes() {
        return b;
    }

    int length() {
        return b.length;
    }

    void need(long offset, long count, String field) throws RecordingFormatException {
        if (offset < 0 || count < 0 || offset + count > b.length) {
            throw RecordingFormatException.atByte(
                    name,
                    Math.max(0, offset),
                    "expected " + field + " (" + count + " bytes) here, but the file is only " + b.length
                            + " bytes long (truncated or corrupt header)");
        }
    }

    int i16(long offset, String field) throws RecordingFormatException {
        need(offset, 2, field);
        return (short) SHORTS.get(b, (int) offset);
    }

    int i32(long offset, String field) throws RecordingFormatException {
        need(offset, 4, field);
        return (int) INTS.get(b, (int) offset);
    }

    long u32(long offset, String field) throws RecordingFormatException {
        return i32(offset, field) & 0xFFFFFFFFL;
    }

    long i64(long offset, String field) throws RecordingFormatException {
        need(offset, 8, field);
        return (long) LONGS.get(b, (int) offset);
    }

    float f32(long offset, String field) throws RecordingFormatException {
        need(offset, 4, field);
        return (float) FLOATS.get(b, (int) offset);
    }

    /** A finite float32 header value; NaN or infinity in a scale factor would silently poison every sample. */
    float finite(long offset, String field) throws RecordingFormatException {
        float f = f32(offset, field);
        if (!Float.isFinite(f))
            throw RecordingFormatException.atByte(
                    name, offset, "expected a finite number for " + field + ", found " + f);
        return f;
    }

    /** Fixed-width Windows (Latin-1) text, blank- and NUL-padded. */
    String text(long offset, int width, String field) throws RecordingFormatException {
        need(offset, width, field);
        int end = (int) offset + width;
        int nul = (int) offset;
        while (nul < end && b[nul] != 0) nul++;
        return new String(b, (int) offset, nul - (int) offset, StandardCharsets.ISO_8859_1).strip();
    }
}
