package org.signalanalyzer.dsp.io;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the ABF1 and ABF2 headers have in common, in the form the data conversion needs.
 *
 * @param version              "1.8.3.0", "2.6.0.0"
 * @param operationMode        nOperationMode
 * @param channels             the ADC channels in the order their samples are interleaved
 * @param sampleIntervalUs     per-channel sample interval in µs, as the decimal the user set
 * @param multiplexIntervalUs  the interval between two consecutive samples of any channel (synch/tag time unit when
 *                             fSynchTimeUnit is 0)
 * @param synchTimeUnitUs      fSynchTimeUnit, 0 when counts are in samples
 * @param dataOffset           byte offset of the first sample
 * @param floatData            true for float32 samples (already in user units), false for int16
 * @param totalSamples         samples of all channels in the data section
 * @param episodes             lActualEpisodes
 * @param samplesPerEpisode    lNumSamplesPerEpisode (all channels)
 * @param episodeStartToStartS fEpisodeStartToStart in s (0 if unset)
 * @param synchOffset          byte offset of the synch array (start, length pairs), -1 if none
 * @param synchCount           entries in the synch array
 * @param tagOffset            byte offset of the tag entries, -1 if none
 * @param tagCount             tag entries (64 bytes each)
 * @param protocol             the command waveform, or null
 * @param records              header fields shown to people (creator, protocol file)
 */
record AbfHeader(
        String version,
        int operationMode,
        List<AdcChannel> channels,
        BigDecimal sampleIntervalUs,
        double multiplexIntervalUs,
        double synchTimeUnitUs,
        long dataOffset,
        boolean floatData,
        long totalSamples,
        long episodes,
        long samplesPerEpisode,
        double episodeStartToStartS,
        long synchOffset,
        long synchCount,
        long tagOffset,
        long tagCount,
        Protocol protocol,
        String comment,
        Map<String, String> records) {

    /**
     * One ADC channel with Axon's conversion from integer counts to user units: {@code value = raw × factor + shift}
     * (ABFFIO's ADC-to-UU factors), in float32 as ABFFIO computes it, so values match Axon's to the last bit.
     */
    record AdcChannel(String name, String unit, float factor, float shift) {}

    /**
     * ABFFIO's conversion: the signal reaches the digitizer scaled by the instrument scale factor, the
     * programmable gain, the signal conditioner's gain (only when the header says a conditioner was present,
     * nSignalType ≠ 0) and, when telegraphed, the amplifier's additional gain; fADCRange volts span lADCResolution
     * counts; the offset is the instrument's minus the conditioner's. Every step is float32 arithmetic in ABFFIO's
     * order: computing in double instead moves values by up to 1e-7 relative (-136.291497 instead of Axon's
     * -136.291489 in 05210017_vc_abf1.abf).
     */
    static AdcChannel adc(
            String name,
            String unit,
            float instrumentScale,
            float programmableGain,
            boolean signalConditioner,
            float signalGain,
            float signalOffset,
            boolean telegraphEnabled,
            float telegraphGain,
            float instrumentOffset,
            float adcRange,
            int adcResolution) {
        float total = instrumentScale * programmableGain;
        if (signalConditioner) total *= signalGain;
        if (telegraphEnabled) total *= telegraphGain;
        // ABFFIO falls back to 1 for a zero total gain rather than dividing by zero.
        if (total == 0f) total = 1f;
        float inputRange = adcRange / total;
        float inputOffset = -instrumentOffset;
        if (signalConditioner) inputOffset += signalOffset;
        return new AdcChannel(name, unit, inputRange / adcResolution, -inputOffset);
    }
}
