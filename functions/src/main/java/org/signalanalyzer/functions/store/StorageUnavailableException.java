package org.signalanalyzer.functions.store;

/** S3 or DynamoDB did not answer, or answered with a fault of its own: the caller should retry later. */
public final class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(String what, Throwable cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
