package org.signalanalyzer.functions.hardening;

import java.time.Duration;
import org.signalanalyzer.functions.store.DynamoSessionStore;
import org.signalanalyzer.functions.store.SessionStore;
import org.signalanalyzer.functions.support.Dynalite;

/** The interrupted-cleanup contract against DynamoDB (dynalite) and S3 (S3Proxy). */
class CleanupInterruptionTest extends CleanupInterruptionContract {

    @Override
    protected SessionStore store() {
        return new DynamoSessionStore(Dynalite.get().client(), Dynalite.TABLE, Duration.ofHours(24));
    }
}
