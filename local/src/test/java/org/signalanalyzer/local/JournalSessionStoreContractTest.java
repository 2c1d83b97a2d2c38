package org.signalanalyzer.local;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.signalanalyzer.functions.store.SessionStore;
import org.signalanalyzer.functions.store.SessionStoreContract;

/** The functions' session-store contract (the same suite DynamoSessionStoreTest runs on dynalite) on the journal. */
class JournalSessionStoreContractTest extends SessionStoreContract {

    @TempDir
    static Path dir;

    private static JournalSessionStore store;

    @BeforeAll
    static void open() {
        store = JournalSessionStore.open(dir.resolve("sessions"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    protected SessionStore store() {
        return store;
    }
}
