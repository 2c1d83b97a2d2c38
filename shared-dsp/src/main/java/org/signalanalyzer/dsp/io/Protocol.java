package org.signalanalyzer.dsp.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The command waveform of an episodic recording, as stored in an ABF epoch table: what the amplifier was told to
 * do, which the standard analysis uses to find step onsets when there is no recorded voltage channel.
 *
 * @param commandName       the DAC channel's name ("Cmd 0")
 * @param commandUnit       its unit ("mV")
 * @param holdingLevel      the level between epochs, in commandUnit
 * @param firstEpochSample  the sample index at which the first epoch starts within each sweep (ABF holds the
 *                          holding level for 1/64 of the sweep before the epochs)
 * @param epochs            the epochs in order
 */
public record Protocol(
        String commandName, String commandUnit, double holdingLevel, int firstEpochSample, List<Epoch> epochs) {
    public Protocol {
        epochs = List.copyOf(epochs);
    }

    /** One row of the epoch table; level and duration may change from sweep to sweep by their deltas. */
    public record Epoch(
            EpochType type, double firstLevel, double deltaLevel, int firstDurationSamples, int deltaDurationSamples) {
        public double levelInSweep(int sweep) {
            return firstLevel + sweep * deltaLevel;
        }

        public int durationInSweep(int sweep) {
            return firstDurationSamples + sweep * deltaDurationSamples;
        }
    }

    public enum EpochType {
        DISABLED,
        STEP,
        RAMP,
        PULSE,
        TRIANGLE,
        COSINE,
        BIPHASIC,
        OTHER
    }

    /** The level changes of one sweep: each step's onset sample (within the sweep) and the level it goes to. */
    public List<LevelChange> levelChanges(int sweep) {
        var changes = new ArrayList<LevelChange>();
        int at = firstEpochSample;
        double level = holdingLevel;
        for (Epoch e : epochs) {
            if (e.type() == EpochType.DISABLED) continue;
            int duration = e.durationInSweep(sweep);
            double next = e.levelInSweep(sweep);
            if (duration > 0 && next != level) changes.add(new LevelChange(at, level, next));
            if (duration > 0) level = next;
            at += Math.max(0, duration);
        }
        if (level != holdingLevel) changes.add(new LevelChange(at, level, holdingLevel));
        return changes;
    }

    public record LevelChange(int sample, double from, double to) {}
}
