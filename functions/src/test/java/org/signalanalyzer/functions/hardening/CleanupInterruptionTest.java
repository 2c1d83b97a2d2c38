package org.signalanalyzer.functions.hardening;

import org.signalanalyzer.functions.store.DynamoSessionStore;
import org.signalanalyzer.functions.store.SessionStore;
import org.signalanalyzer.functions.support.Dynalite;

/** The interrupted-cleanup contract against DynamoDB (dynalite) and S3 (S3Proxy). */
class CleanupInterruptionTest extends CleanupInterruptionContract {

    @Override
    protected SessionStore store() {
        return new DynamoSessionStore(Dynalite.get().client(), Dynalite.TABLE, java.time.Duration.ofHours(24));
    }
}
