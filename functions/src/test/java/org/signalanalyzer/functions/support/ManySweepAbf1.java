package org.signalanalyzer.functions.support;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A tiny episodic ABF 1.5 file made at test time (nothing large is committed): one int16 channel "Im" in pA,
 * 10 kHz, {@code sweeps} sweeps of {@code samplesPerSweep} samples, the header fields at Axon's ABFFileHeader
 * offsets. Every sample's raw count depends on its sweep and index, so a sweep stored or read at the wrong offset
 * shows. bench/run.py writes the same layout for the "register 100,000-sweep file" row.
 */
public final class ManySweepAbf1 {

    static final int HEADER_BYTES = 2048;
    static final float ADC_RANGE_V = 10f;
    static final int ADC_RESOLUTION = 32768;

    private ManySweepAbf1() {}

    public static byte[] write(int sweeps, int samplesPerSweep) {
        long total = (long) sweeps * samplesPerSweep;
        ByteBuffer b =
                ByteBuffer.allocate(Math.toIntExact(HEADER_BYTES + 2 * total)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, "ABF ".getBytes(StandardCharsets.ISO_8859_1));
        b.putFloat(4, 1.5f); // fFileVersionNumber
        b.putShort(8, (short) 5); // nOperationMode: episodic stimulation
        b.putInt(10, Math.toIntExact(total)); // lActualAcqLength
        b.putInt(16, sweeps); // lActualEpisodes
        b.putInt(40, HEADER_BYTES / 512); // lDataSectionPtr (blocks)
        b.putShort(100, (short) 0); // nDataFormat: int16
        b.putShort(120, (short) 1); // nADCNumChannels
        b.putFloat(122, 100f); // fADCSampleInterval, µs
        b.putInt(138, samplesPerSweep); // lNumSamplesPerEpisode
        b.putFloat(244, ADC_RANGE_V); // fADCRange
        b.putInt(252, ADC_RESOLUTION); // lADCResolution
        b.putShort(410, (short) 0); // nADCSamplingSeq[0]
        text(b, 442, "Im", 10); // sADCChannelName[0]
        text(b, 602, "pA", 8); // sADCUnits[0]
        b.putFloat(730, 1f); // fADCProgrammableGain[0]
        b.putFloat(922, 1f); // fInstrumentScaleFactor[0]
        b.putFloat(1050, 1f); // fSignalGain[0]
        int at = HEADER_BYTES;
        for (int s = 0; s < sweeps; s++) {
            for (int i = 0; i < samplesPerSweep; i++, at += 2) b.putShort(at, raw(s, i));
        }
        return b.array();
    }

    /** The raw count of sample {@code i} of sweep {@code s}: different for neighbouring sweeps and samples. */
    public static short raw(int sweep, int i) {
        return (short) ((sweep * 37L + i * 1009L) % 30000 - 15000);
    }

    /** The value in pA an ABF reader must give: ABFFIO's float32 scaling with gains 1 (range / resolution). */
    public static double expected(int sweep, int i) {
        float factor = ADC_RANGE_V / ADC_RESOLUTION;
        return raw(sweep, i) * factor + 0f;
    }

    private static void text(ByteBuffer b, int at, String s, int width) {
        byte[] padded = String.format("%-" + width + "s", s).getBytes(StandardCharsets.ISO_8859_1);
        b.put(at, padded);
    }
}
