package org.signalanalyzer.dsp.analysis.chargevoltage;

/**
 * What the user says about a file whose name does not tell its set or its test voltage (or tells it wrongly). Either
 * part may be {@code null}: the name then supplies it.
 *
 * @param set       the set (cell) label, e.g. "3" or "cell A"
 * @param voltageMv the V2 (test-step) voltage in mV
 */
public record SetAssignment(String set, Double voltageMv) {

    public SetAssignment {
        if (set != null) {
            set = set.trim();
            if (set.isEmpty()) throw new IllegalArgumentException("an assigned set label cannot be empty");
        }
        if (voltageMv != null && !Double.isFinite(voltageMv)) {
            throw new IllegalArgumentException("an assigned voltage must be a number of mV, got " + voltageMv);
        }
    }
}
