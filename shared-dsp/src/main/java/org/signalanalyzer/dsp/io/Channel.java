package org.signalanalyzer.dsp.io;

import java.util.Objects;

/** A recorded signal: its name as the amplifier labels it and its physical unit ("pA", "mV"; "" if unknown). */
public record Channel(String name, String unit) {
    public Channel {
        Objects.requireNonNull(name, "name");
        unit = unit == null ? "" : unit;
    }

    /** True for a voltage unit (V, mV, µV, uV), the usual command channel of a voltage-clamp recording. */
    public boolean isVoltage() {
        return unit.equals("V") || unit.equals("mV") || unit.equals("uV") || unit.equals("\u00b5V");
    }

    /** True for a current unit (A, mA, µA, nA, pA, fA). */
    public boolean isCurrent() {
        return unit.matches("[mun\u00b5pf]?A");
    }
}
