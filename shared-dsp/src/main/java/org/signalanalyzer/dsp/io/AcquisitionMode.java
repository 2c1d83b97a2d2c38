package org.signalanalyzer.dsp.io;

import java.util.Locale;

/** How the amplifier acquired the data (ABF nOperationMode; ATF AcquisitionMode record). */
public enum AcquisitionMode {
    VARIABLE_LENGTH_EVENT_DRIVEN("Variable-Length Event-Driven"),
    FIXED_LENGTH_EVENT_DRIVEN("Fixed-Length Event-Driven"),
    GAP_FREE("Gap Free"),
    HIGH_SPEED_OSCILLOSCOPE("High-Speed Oscilloscope"),
    EPISODIC_STIMULATION("Episodic Stimulation"),
    UNKNOWN("Unknown");

    private final String label;

    AcquisitionMode(String label) {
        this.label = label;
    }

    /** The name Clampex/Clampfit print, e.g. "Episodic Stimulation". */
    public String label() {
        return label;
    }

    /** ABF's nOperationMode: 1 variable event, 2 fixed event, 3 gap-free, 4 oscilloscope, 5 episodic. */
    public static AcquisitionMode fromAbfOperationMode(int mode) {
        return switch (mode) {
            case 1 -> VARIABLE_LENGTH_EVENT_DRIVEN;
            case 2 -> FIXED_LENGTH_EVENT_DRIVEN;
            case 3 -> GAP_FREE;
            case 4 -> HIGH_SPEED_OSCILLOSCOPE;
            case 5 -> EPISODIC_STIMULATION;
            default -> UNKNOWN;
        };
    }

    /** Parses an ATF AcquisitionMode record value leniently (case, spaces and hyphens ignored). */
    public static AcquisitionMode fromLabel(String text) {
        String key = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        for (AcquisitionMode m : values()) {
            if (m.label.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "").equals(key)) return m;
        }
        if (key.equals("gapfree")) return GAP_FREE;
        return UNKNOWN;
    }
}
