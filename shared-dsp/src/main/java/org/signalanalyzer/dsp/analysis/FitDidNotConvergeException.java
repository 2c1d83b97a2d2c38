package org.signalanalyzer.dsp.analysis;

/** A fit whose optimiser gave up on the points given: the request was well formed, the data do not allow it. */
public class FitDidNotConvergeException extends InvalidAnalysisParameterException {

    public FitDidNotConvergeException(String message) {
        super("range", message);
    }
}
