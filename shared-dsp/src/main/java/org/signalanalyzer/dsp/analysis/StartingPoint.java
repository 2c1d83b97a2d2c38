package org.signalanalyzer.dsp.analysis;

/**
 * What the user asked for as the desktop's starting point n (an index into the orange curve): {@code auto} (the
 * desktop's default when the field is blank) or a given index ≥ 1.
 */
public record StartingPoint(boolean auto, int index) {

    /** The desktop's default n ("first spike + 1"), used when the automatic search finds nothing usable. */
    public static final int DESKTOP_DEFAULT = 35;

    public static final StartingPoint AUTO = new StartingPoint(true, DESKTOP_DEFAULT);

    public StartingPoint {
        if (!auto && index < 1) {
            throw new InvalidAnalysisParameterException(
                    "startingPoint", "the starting point is an orange-curve " + "index of at least 1, got " + index);
        }
    }

    public static StartingPoint given(int n) {
        return new StartingPoint(false, n);
    }

    /** "auto" or a whole number. */
    public static StartingPoint parse(String text) {
        String s = text.trim();
        if (s.equalsIgnoreCase("auto")) return AUTO;
        try {
            return given(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            throw new InvalidAnalysisParameterException(
                    "startingPoint", "the starting point must be 'auto' or a " + "whole number, got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return auto ? "auto" : Integer.toString(index);
    }
}
