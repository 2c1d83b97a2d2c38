package org.signalanalyzer.dsp.analysis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a step-protocol recording is analysed; recorded with every result (docs/analysis-decisions.md). */
public enum AnalysisMode {
    /** The desktop application's numbers, its quirks kept for parity. */
    DESKTOP,
    /** Linear (P/N-style) subtraction at sample resolution, right at any rate and step timing. */
    STANDARD;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AnalysisMode parse(String text) {
        for (AnalysisMode m : values()) if (m.label().equalsIgnoreCase(text)) return m;
        throw new IllegalArgumentException("unknown analysis mode '" + text + "': expected desktop or standard");
    }
}
