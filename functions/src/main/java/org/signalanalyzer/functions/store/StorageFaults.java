package org.signalanalyzer.functions.store;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Tells a storage outage (retry later: 503) from a request the storage rightly refused (a bug: 500). */
final class StorageFaults {

    private StorageFaults() {}

    static boolean isOurFault(SdkException e) {
        if (e instanceof SdkServiceException service) {
            return service.statusCode() >= 400 && service.statusCode() < 500 && !service.isThrottlingException();
        }
        return false;
    }
}
