package org.signalanalyzer.functions.store;

/**
 * An object that should exist is not there: deleted meanwhile (the file or session was deleted during the
 * request), or S3 answered 403 AccessDenied for a missing key, as it does to a role without s3:ListBucket.
 * Answered 404, never 500.
 */
public final class BlobMissingException extends RuntimeException {
    public BlobMissingException(String message) {
        super(message);
    }
}
