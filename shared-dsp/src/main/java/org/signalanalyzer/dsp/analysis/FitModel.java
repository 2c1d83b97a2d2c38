package org.signalanalyzer.dsp.analysis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The curve models of the desktop's manual fitting panel. */
public enum FitModel {
    LINEAR("linear"),
    /** A·e^(−t/τ) + C (the desktop's hyperpol choice). */
    EXP_DECAY("exp-decay"),
    /** A·(1 − e^(−t/τ)) + C (the desktop's depol choice). */
    EXP_RISE("exp-rise");

    private final String label;

    FitModel(String label) {
        this.label = label;
    }

    /** The fewest points a fit of this model takes (an exponential has three parameters and needs one to spare). */
    public int minPoints() {
        return this == LINEAR ? 2 : 4;
    }

    /** Each parameter's unit, in the order a table shows them. */
    public Map<String, String> parameterUnits() {
        Map<String, String> units = new LinkedHashMap<>();
        if (this == LINEAR) {
            units.put("slope", "pA/s");
            units.put("intercept", "pA");
        } else {
            units.put("amplitude", "pA");
            units.put("tauMs", "ms");
            units.put("offset", "pA");
        }
        return Collections.unmodifiableMap(units);
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static FitModel parse(String text) {
        for (FitModel m : values()) if (m.label.equalsIgnoreCase(text)) return m;
        throw new IllegalArgumentException("unknown fit model '" + text + "': expected linear, exp-decay or exp-rise");
    }
}
