package org.signalanalyzer.dsp.analysis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The curve models of the desktop's manual fitting panel. */
public enum FitModel {
    LINEAR("linear"),
    /** A·e^(−t/τ) + C (the desktop's hyperpol choice). */
    EXP_DECAY("exp-decay"),
    /** A·(1 − e^(−t/τ)) + C (the desktop's depol choice). */
    EXP_RISE("exp-rise");

    private final String label;

    FitModel(String label) { this.label = label; }

    @JsonValue
    public String label() { return label; }

    @JsonCreator
    public static FitModel parse(String text) {
        for (FitModel m : values()) if (m.label.equalsIgnoreCase(text)) return m;
        throw new IllegalArgumentException("unknown fit model '" + text + "': expected linear, exp-decay or exp-rise");
    }
}
