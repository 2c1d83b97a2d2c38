package org.signalanalyzer.dsp.io;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ABF 2.x header (Clampex 10 and later): a 512-byte file header whose section map (at byte 76) points to
 * blocks holding the protocol, ADC, DAC, per-DAC epoch, strings, data, tag and synch-array sections.
 */
final class Abf2Header {

    private static final int BLOCK = 512;
    private static final int SECTION_MAP = 76;

    private Abf2Header() {}

    /** One entry of the section map: where a section starts, how long one entry is, how many entries. */
    private record Section(String name, long offset, long entryBytes, long entries) {
        long entry(long i) {
            return offset + i * entryBytes;
        }
    }

    private static Section section(AbfBytes f, int index, String name, long minEntryBytes, long maxEntries)
            throws RecordingFormatException {
        long at = SECTION_MAP + 16L * index;
        long block = f.u32(at, name + " block index");
        long bytes = f.u32(at + 4, name + " entry size");
        long entries = f.i64(at + 8, name + " entry count");
        if (block == 0 || entries == 0) return new Section(name, -1, bytes, 0);
        if (entries < 0 || entries > maxEntries)
            throw RecordingFormatException.atByte(
                    f.name(), at + 8, name + " claims " + entries + " entries: expected 0 to " + maxEntries);
        if (bytes < minEntryBytes)
            throw RecordingFormatException.atByte(
                    f.name(), at + 4, name + " entries are " + bytes + " bytes: expected at least " + minEntryBytes);
        long offset = block * BLOCK;
        if (offset + bytes * entries > f.length())
            throw RecordingFormatException.atByte(
                    f.name(),
                    at,
                    name
                            + " (block " + block + ", " + entries + " × " + bytes + " bytes) ends at byte "
                            + (offset + bytes * entries)
                            + ", past the end of the " + f.length() + "-byte file (truncated?)");
        return new Section(name, offset, bytes, entries);
    }

    static AbfHeader parse(AbfBytes f, ReadLimits limits) throws RecordingFormatException {
        String name = f.name();
        byte[] b = f.bytes();
        f.need(0, BLOCK, "the 512-byte ABF2 file header");
        String version = (b[7] & 0xFF) + "." + (b[6] & 0xFF) + "." + (b[5] & 0xFF) + "." + (b[4] & 0xFF);
        long episodes = f.u32(12, "lActualEpisodes");
        int dataFormat = f.i16(30, "nDataFormat");
        if (dataFormat != 0 && dataFormat != 1)
            throw RecordingFormatException.atByte(
                    name, 30, "nDataFormat is " + dataFormat + ": expected 0 (16-bit integers) or 1 (32-bit floats)");
        int sampleSize = dataFormat == 0 ? 2 : 4;
        long maxFileEntries = f.length() / 2 + 1;

        Section protocol = section(f, 0, "ProtocolSection", 144, 1);
        Section adc = section(f, 1, "ADCSection", 82, limits.maxChannels());
        Section dac = section(f, 2, "DACSection", 46, 64);
        Section epochPerDac = section(f, 5, "EpochPerDACSection", 22, 4096);
        Section data = section(f, 10, "DataSection", sampleSize, maxFileEntries);
        Section tags = section(f, 11, "TagSection", 64, maxFileEntries);
        Section synch = section(f, 15, "SynchArraySection", 8, maxFileEntries);
        if (protocol.entries != 1)
            throw RecordingFormatException.atByte(
                    name,
                    SECTION_MAP,
                    "expected a "
                            + "ProtocolSection (sampling, episode and scaling settings); the section map has none");
        if (adc.entries < 1)
            throw RecordingFormatException.atByte(
                    name,
                    SECTION_MAP + 16,
                    "expected an ADCSection " + "with at least one channel; the section map has none");
        if (data.entries < 1)
            throw RecordingFormatException.atByte(
                    name, SECTION_MAP + 160, "expected a " + "DataSection with samples; the section map has none");
        if (data.entryBytes != sampleSize)
            throw RecordingFormatException.atByte(
                    name,
                    SECTION_MAP + 164,
                    "DataSection entries are " + data.entryBytes + " bytes, but nDataFormat " + dataFormat + " means "
                            + sampleSize);

        long p = protocol.offset;
        int mode = f.i16(p, "nOperationMode");
        float sequenceInterval = f.finite(p + 2, "fADCSequenceInterval");
        float synchUnit = f.finite(p + 14, "fSynchTimeUnit");
        long samplesPerEpisode = f.i32(p + 22, "lNumSamplesPerEpisode");
        float episodeStartToStart = f.finite(p + 62, "fEpisodeStartToStart");
        float adcRange = f.finite(p + 110, "fADCRange");
        int adcResolution = f.i32(p + 118, "lADCResolution");
        int commentIndex = f.i32(p + 132, "lFileCommentIndex");
        int signalType = f.i16(p + 138, "nSignalType");
        int activeDac = f.i16(p + 142, "nActiveDACChannel");
        if (!(sequenceInterval > 0))
            throw RecordingFormatException.atByte(
                    name, p + 2, "fADCSequenceInterval is " + sequenceInterval + " µs: expected a positive interval");
        if (!(adcRange > 0) || adcResolution <= 0)
            throw RecordingFormatException.atByte(
                    name,
                    p + 110,
                    "fADCRange " + adcRange + " V over lADCResolution " + adcResolution
                            + " counts: expected both positive");

        List<String> text = strings(f, limits);
        int channelCount = (int) adc.entries;
        List<AbfHeader.AdcChannel> channels = new ArrayList<>();
        // ADCSection entries are stored in the ADC sampling sequence, the order samples are interleaved in.
        for (int i = 0; i < channelCount; i++) {
            long e = adc.entry(i);
            channels.add(AbfHeader.adc(
                    string(f, text, e + 74, "lADCChannelNameIndex"),
                    string(f, text, e + 78, "lADCUnitsIndex"),
                    f.finite(e + 40, "fInstrumentScaleFactor"),
                    f.finite(e + 28, "fADCProgrammableGain"),
                    signalType != 0,
                    f.finite(e + 48, "fSignalGain"),
                    f.finite(e + 52, "fSignalOffset"),
                    f.i16(e + 2, "nTelegraphEnable") != 0,
                    f.finite(e + 6, "fTelegraphAdditGain"),
                    f.finite(e + 44, "fInstrumentOffset"),
                    adcRange,
                    adcResolution));
        }
        Map<String, String> records = new LinkedHashMap<>();
        if (!text.isEmpty()) records.put("creator", text.get(0));
        String path = string(f, text, 72, "uProtocolPathIndex");
        if (!path.isEmpty()) records.put("protocolPath", path);
        String comment = commentIndex > 0 ? string(f, text, p + 132, "lFileCommentIndex") : "";

        // Epochs are laid out within episodes; without a valid episode length there is no command waveform.
        Protocol command = samplesPerEpisode <= 0
                ? null
                : command(f, dac, epochPerDac, text, activeDac, samplesPerEpisode, channelCount, episodes);
        // fADCSequenceInterval is already per channel; consecutive samples of any channel are that / channels apart.
        return new AbfHeader(
                version,
                mode,
                channels,
                new BigDecimal(Float.toString(sequenceInterval)),
                (double) sequenceInterval / channelCount,
                synchUnit,
                data.offset,
                dataFormat == 1,
                data.entries,
                episodes,
                samplesPerEpisode,
                episodeStartToStart,
                synch.offset,
                synch.entries,
                tags.offset,
                tags.entries,
                command,
                comment,
                records);
    }

    /**
     * The strings section: a 44-byte header ("SSCH", version, count, ...) then NUL-terminated strings, which the
     * other sections refer to by 1-based index (1 is the creator, e.g. "Clampex").
     */
    private static List<String> strings(AbfBytes f, ReadLimits limits) throws RecordingFormatException {
        // Unlike the other sections, the entry size here is the whole section's size (the count is of strings).
        long at = SECTION_MAP + 16L * 9;
        long block = f.u32(at, "StringsSection block index");
        long total = f.u32(at + 4, "StringsSection size");
        List<String> out = new ArrayList<>();
        if (block == 0 || total <= 44) return out;
        if (total > limits.maxHeaderBytes())
            throw RecordingFormatException.atByte(
                    f.name(),
                    at + 4,
                    "the StringsSection is " + total + " bytes, over the limit of " + limits.maxHeaderBytes()
                            + " bytes (ReadLimits.maxHeaderBytes)");
        long offset = block * BLOCK;
        f.need(offset, total, "the StringsSection (channel names and units)");
        int from = (int) offset + 44;
        int end = (int) (offset + total);
        byte[] b = f.bytes();
        int start = from;
        for (int i = from; i < end; i++) {
            if (b[i] == 0) {
                out.add(new String(b, start, i - start, StandardCharsets.ISO_8859_1).strip());
                start = i + 1;
            }
        }
        return out;
    }

    private static String string(AbfBytes f, List<String> text, long indexAt, String field)
            throws RecordingFormatException {
        int index = f.i32(indexAt, field);
        if (index == 0) return "";
        if (index < 1 || index > text.size())
            throw RecordingFormatException.atByte(
                    f.name(),
                    indexAt,
                    field + " is " + index + ": expected a string index 1 to " + text.size()
                            + " (the StringsSection's count)");
        return text.get(index - 1);
    }

    /** The epoch table of the DAC that drives the cell: the active DAC first, else the first with epochs enabled. */
    private static Protocol command(
            AbfBytes f,
            Section dac,
            Section epochs,
            List<String> text,
            int activeDac,
            long samplesPerEpisode,
            int channelCount,
            long sweeps)
            throws RecordingFormatException {
        if (dac.entries == 0 || epochs.entries == 0) return null;
        List<Long> order = new ArrayList<>();
        for (long i = 0; i < dac.entries; i++) {
            if (f.i16(dac.entry(i), "nDACNum") == activeDac) order.add(0, i);
            else order.add(i);
        }
        for (long i : order) {
            long d = dac.entry(i);
            int dacNum = f.i16(d, "nDACNum");
            boolean enabled = f.i16(d + 40, "nWaveformEnable") != 0;
            int source = f.i16(d + 42, "nWaveformSource");
            if (!enabled || source != 1) continue;
            List<Protocol.Epoch> list = new ArrayList<>();
            for (long k = 0; k < epochs.entries; k++) {
                long e = epochs.entry(k);
                if (f.i16(e + 2, "nDACNum") != dacNum) continue;
                list.add(AbfReader.epoch(
                        f,
                        e,
                        f.i16(e + 4, "nEpochType"),
                        f.finite(e + 6, "fEpochInitLevel"),
                        f.finite(e + 10, "fEpochLevelInc"),
                        f.i32(e + 14, "lEpochInitDuration"),
                        f.i32(e + 18, "lEpochDurationInc"),
                        samplesPerEpisode / channelCount,
                        sweeps));
            }
            if (list.isEmpty()) continue;
            return new Protocol(
                    string(f, text, d + 24, "lDACChannelNameIndex"),
                    string(f, text, d + 28, "lDACChannelUnitsIndex"),
                    f.finite(d + 12, "fDACHoldingLevel"),
                    AbfReader.firstEpochSample(samplesPerEpisode, channelCount),
                    list);
        }
        return null;
    }
}
