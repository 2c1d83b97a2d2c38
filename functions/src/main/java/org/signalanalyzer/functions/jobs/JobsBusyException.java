package org.signalanalyzer.functions.jobs;

/** The job runner cannot take more work now; the caller should retry later. */
public final class JobsBusyException extends RuntimeException {
    public JobsBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
