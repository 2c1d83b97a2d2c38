package org.signalanalyzer.functions.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The read-only reference data ({@code ../shared} beside the repository); tests skip where it is absent. */
public final class SharedFiles {

    private SharedFiles() { }

    public static Path desktop(String file) {
        return root().resolve("data/desktop").resolve(file);
    }

    public static Path real(String file) {
        return root().resolve("data/real").resolve(file);
    }

    private static Path root() {
        for (Path candidate : new Path[] {Path.of("../../shared"), Path.of("../shared")}) {
            if (Files.isDirectory(candidate.resolve("data"))) return candidate.toAbsolutePath().normalize();
        }
        assumeTrue(false, "../shared (reference data) is absent beside the repository: test skipped");
        return null;
    }
}
