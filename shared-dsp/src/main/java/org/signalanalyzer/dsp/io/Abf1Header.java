package org.signalanalyzer.dsp.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed-offset header of ABF 1.x files (Clampex ≤ 9, AxoScope). Offsets are those of Axon's ABFFileHeader;
 * the extended fields (telegraphs, the two-DAC epoch table, the protocol path) exist from version 1.6 on, whose
 * header is 6144 bytes instead of 2048.
 */
final class Abf1Header {

    private static final int BLOCK = 512;
    private static final int ADC_SLOTS = 16;
    private static final int EPOCHS = 10;

    private Abf1Header() {}

    static AbfHeader parse(AbfBytes f, ReadLimits limits) throws RecordingFormatException {
        String name = f.name();
        float version = f.finite(4, "fFileVersionNumber");
        boolean extended = version >= 1.6f - 1e-6f;
        int mode = f.i16(8, "nOperationMode");
        long acquired = f.i32(10, "lActualAcqLength");
        int ignored = f.i16(14, "nNumPointsIgnored");
        long episodes = f.i32(16, "lActualEpisodes");
        long dataBlock = f.i32(40, "lDataSectionPtr");
        long tagBlock = f.i32(44, "lTagSectionPtr");
        long tagCount = f.i32(48, "lNumTagEntries");
        long synchBlock = f.i32(92, "lSynchArrayPtr");
        long synchCount = f.i32(96, "lSynchArraySize");
        int dataFormat = f.i16(100, "nDataFormat");
        int channelCount = f.i16(120, "nADCNumChannels");
        float sampleInterval = f.finite(122, "fADCSampleInterval");
        float synchUnit = f.finite(130, "fSynchTimeUnit");
        long samplesPerEpisode = f.i32(138, "lNumSamplesPerEpisode");
        float episodeStartToStart = f.finite(178, "fEpisodeStartToStart");
        float adcRange = f.finite(244, "fADCRange");
        int adcResolution = f.i32(252, "lADCResolution");
        int signalType = f.i16(1410, "nSignalType");

        if (channelCount < 1 || channelCount > Math.min(ADC_SLOTS, limits.maxChannels())) {
            throw RecordingFormatException.atByte(
                    name,
                    120,
                    "nADCNumChannels is " + channelCount + ": expected 1 to "
                            + Math.min(ADC_SLOTS, limits.maxChannels()) + " (16 ADC inputs; ReadLimits.maxChannels)");
        }
        if (!(sampleInterval > 0))
            throw RecordingFormatException.atByte(
                    name, 122, "fADCSampleInterval is " + sampleInterval + " µs: expected a positive interval");
        if (!(adcRange > 0) || adcResolution <= 0)
            throw RecordingFormatException.atByte(
                    name,
                    244,
                    "fADCRange " + adcRange + " V over lADCResolution " + adcResolution
                            + " counts: expected both positive");
        if (dataFormat != 0 && dataFormat != 1)
            throw RecordingFormatException.atByte(
                    name, 100, "nDataFormat is " + dataFormat + ": expected 0 (16-bit integers) or 1 (32-bit floats)");
        if (ignored < 0) throw RecordingFormatException.atByte(name, 14, "nNumPointsIgnored is negative: " + ignored);

        List<AbfHeader.AdcChannel> channels = new ArrayList<>();
        for (int i = 0; i < channelCount; i++) {
            int adc = f.i16(410 + 2L * i, "nADCSamplingSeq[" + i + "]");
            if (adc < 0 || adc >= ADC_SLOTS)
                throw RecordingFormatException.atByte(
                        name, 410 + 2L * i, "nADCSamplingSeq[" + i + "] is " + adc + ": expected an ADC input 0 to 15");
            boolean telegraph = extended && f.i16(4512 + 2L * adc, "nTelegraphEnable[" + adc + "]") != 0;
            float telegraphGain = extended ? f.finite(4576 + 4L * adc, "fTelegraphAdditGain[" + adc + "]") : 1f;
            channels.add(AbfHeader.adc(
                    f.text(442 + 10L * adc, 10, "sADCChannelName[" + adc + "]"),
                    f.text(602 + 8L * adc, 8, "sADCUnits[" + adc + "]"),
                    f.finite(922 + 4L * adc, "fInstrumentScaleFactor[" + adc + "]"),
                    f.finite(730 + 4L * adc, "fADCProgrammableGain[" + adc + "]"),
                    signalType != 0,
                    f.finite(1050 + 4L * adc, "fSignalGain[" + adc + "]"),
                    f.finite(1114 + 4L * adc, "fSignalOffset[" + adc + "]"),
                    telegraph,
                    telegraphGain,
                    f.finite(986 + 4L * adc, "fInstrumentOffset[" + adc + "]"),
                    adcRange,
                    adcResolution));
        }

        int sampleSize = dataFormat == 0 ? 2 : 4;
        long dataOffset = dataBlock * BLOCK + (long) ignored * sampleSize;
        // fADCSampleInterval is the time between consecutive samples of any channel; one channel's interval is
        // that times the channel count (a 2-channel 25 µs file samples each channel every 50 µs).
        BigDecimal multiplex = new BigDecimal(Float.toString(sampleInterval));
        Map<String, String> records = new LinkedHashMap<>();
        Protocol protocol = null;
        if (extended) {
            String path = f.text(4898, 384, "sProtocolPath");
            if (!path.isEmpty()) records.put("protocolPath", path);
            // Epochs are laid out within episodes; without a valid episode length there is no command waveform.
            if (samplesPerEpisode > 0) protocol = protocol(f, channelCount, samplesPerEpisode, episodes);
        }
        return new AbfHeader(
                versionString(version),
                mode,
                channels,
                multiplex.multiply(BigDecimal.valueOf(channelCount)),
                sampleInterval,
                synchUnit,
                dataOffset,
                dataFormat == 1,
                acquired,
                episodes,
                samplesPerEpisode,
                episodeStartToStart,
                synchBlock > 0 && synchCount > 0 ? synchBlock * BLOCK : -1,
                synchCount,
                tagBlock > 0 && tagCount > 0 ? tagBlock * BLOCK : -1,
                tagCount,
                protocol,
                "",
                records);
    }

    /** 1.83 → "1.8.3.0", the way Axon prints ABF1 versions. */
    private static String versionString(float version) {
        int hundredths = Math.round(version * 100);
        return (hundredths / 100) + "." + (hundredths / 10 % 10) + "." + (hundredths % 10) + ".0";
    }

    /** The epoch table of the first DAC with its waveform enabled from epochs (nWaveformSource 1). */
    private static Protocol protocol(AbfBytes f, int channelCount, long samplesPerEpisode, long episodes)
            throws RecordingFormatException {
        for (int dac = 0; dac < 2; dac++) {
            boolean enabled = f.i16(2296 + 2L * dac, "nWaveformEnable[" + dac + "]") != 0;
            int source = f.i16(2300 + 2L * dac, "nWaveformSource[" + dac + "]");
            if (!enabled || source != 1) continue;
            List<Protocol.Epoch> epochs = new ArrayList<>();
            for (int e = 0; e < EPOCHS; e++) {
                int slot = dac * EPOCHS + e;
                epochs.add(AbfReader.epoch(
                        f,
                        2308 + 2L * slot,
                        f.i16(2308 + 2L * slot, "nEpochType"),
                        f.finite(2348 + 4L * slot, "fEpochInitLevel"),
                        f.finite(2428 + 4L * slot, "fEpochLevelInc"),
                        f.i32(2508 + 4L * slot, "lEpochInitDuration"),
                        f.i32(2588 + 4L * slot, "lEpochDurationInc"),
                        samplesPerEpisode / channelCount,
                        episodes));
            }
            return new Protocol(
                    f.text(1306 + 10L * dac, 10, "sDACChannelName"),
                    f.text(1346 + 8L * dac, 8, "sDACChannelUnits"),
                    f.finite(1394 + 4L * dac, "fDACHoldingLevel"),
                    AbfReader.firstEpochSample(samplesPerEpisode, channelCount),
                    epochs);
        }
        return null;
    }
}
