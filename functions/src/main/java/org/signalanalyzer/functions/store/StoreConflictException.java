package org.signalanalyzer.functions.store;

/** A conditional write lost: the item exists already, or changed since it was read. */
public final class StoreConflictException extends RuntimeException {
    public StoreConflictException(String message) {
        super(message);
    }
}
