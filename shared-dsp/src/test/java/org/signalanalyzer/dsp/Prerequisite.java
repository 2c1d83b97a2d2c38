package org.signalanalyzer.dsp;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Something a test needs from the machine (the reference data, a browser, LibreOffice). A developer's clone may lack
 * it, so the test skips with a message saying what to install; CI (the environment variable CI is "true") provides
 * all of them, so there a missing one fails the build instead of letting the check vanish silently.
 */
public final class Prerequisite {

    private Prerequisite() {}

    /**
     * Returns if {@code present}; otherwise skips the calling test, or fails it on CI, saying {@code missing} (what is
     * absent and how to get it).
     */
    public static void require(boolean present, String missing) {
        if (present) return;
        if (onCi()) fail(missing + ": on CI (CI=true) a missing prerequisite fails the test instead of skipping it");
        assumeTrue(false, missing + ": test skipped");
    }

    public static boolean onCi() {
        return "true".equals(System.getenv("CI"));
    }
}
