package org.signalanalyzer.dsp.analysis;

/** A parameter out of range, or a recording that cannot satisfy the protocol; the message says what and by how much. */
public class InvalidAnalysisParameterException extends IllegalArgumentException {

    private final String parameter;

    public InvalidAnalysisParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter at fault ("v2Mv", "startingPoint", "recording", ...). */
    public String parameter() {
        return parameter;
    }
}
