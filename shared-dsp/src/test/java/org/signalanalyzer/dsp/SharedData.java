package org.signalanalyzer.dsp;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The read-only reference data beside the repository ({@code ../shared} from the repository root), read in place.
 * Tests that need it skip with a clear message where it is absent (a clone without the reference data), and fail
 * on CI, which always has it ({@link Prerequisite}).
 */
public final class SharedData {

    private SharedData() {}

    /** The shared/ folder; skips the calling test (fails it on CI) if it is not there. */
    public static Path root() {
        Path p = locate();
        Prerequisite.require(p != null, "../shared (reference data) is absent beside the repository");
        return p;
    }

    public static Path real(String file) {
        return root().resolve("data/real").resolve(file);
    }

    public static Path desktop(String file) {
        return root().resolve("data/desktop").resolve(file);
    }

    public static Path golden(String file) {
        return root().resolve("data/golden").resolve(file);
    }

    private static Path locate() {
        // Surefire runs in the module's folder; an IDE may run in the repository root.
        for (Path candidate : new Path[] {Path.of("../../shared"), Path.of("../shared")}) {
            if (Files.isDirectory(candidate.resolve("data")))
                return candidate.toAbsolutePath().normalize();
        }
        return null;
    }
}
