package org.signalanalyzer.functions.store;

import org.signalanalyzer.functions.support.Dynalite;

/** The store contract against dynalite (the DynamoDB API; conditional writes, no TTL expiry, no transactions). */
class DynamoSessionStoreTest extends SessionStoreContract {

    private final SessionStore store = new DynamoSessionStore(Dynalite.get().client(), Dynalite.TABLE);

    @Override
    protected SessionStore store() {
        return store;
    }
}
