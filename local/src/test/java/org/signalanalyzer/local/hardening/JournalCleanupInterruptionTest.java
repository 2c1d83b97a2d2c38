package org.signalanalyzer.local.hardening;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.signalanalyzer.functions.hardening.CleanupInterruptionContract;
import org.signalanalyzer.functions.store.SessionStore;
import org.signalanalyzer.local.JournalSessionStore;

/** The interrupted-cleanup contract against the local runtime's journal session store. */
class JournalCleanupInterruptionTest extends CleanupInterruptionContract {

    @TempDir
    Path dir;

    private JournalSessionStore journal;

    @Override
    protected SessionStore store() {
        journal = JournalSessionStore.open(dir.resolve("sessions"));
        return journal;
    }

    @AfterEach
    void close() {
        if (journal != null) journal.close();
    }
}
