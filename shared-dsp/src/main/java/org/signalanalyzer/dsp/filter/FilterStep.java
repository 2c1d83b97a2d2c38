package org.signalanalyzer.dsp.filter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One step of a {@link FilterChain}: a filter with all its parameters fixed. */
public interface FilterStep {

    /** The JSON {@code "type"} of this step. */
    String type();

    /** The filtered signal, same length as x; x is not modified. */
    double[] apply(double[] x, double sampleRateHz);

    /** Position in the desktop's fixed order (Savitzky–Golay → wavelet → Butterworth → extract–add → others). */
    int desktopRank();

    /** This step as JSON with every parameter, defaults included (provenance). */
    ObjectNode toJson();

    /** The start of {@link #toJson}: an object holding this step's {@code "type"}, its parameters to follow. */
    default ObjectNode typedJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", type());
        return n;
    }
}
