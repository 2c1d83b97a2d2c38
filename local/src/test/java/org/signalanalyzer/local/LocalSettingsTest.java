package org.signalanalyzer.local;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Defaults, environment variables, flags (flag over environment over default), and errors a person can act on. */
class LocalSettingsTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        LocalSettings s = LocalSettings.defaults();
        assertEquals(8080, s.port());
        assertEquals("localhost", s.bind());
        assertEquals(Path.of("signal-analyzer-data"), s.dataDir());
        assertEquals(50L * 1024 * 1024, s.maxUploadBytes());
        assertEquals(Duration.ofHours(24), s.sessionLifetime());
        assertEquals(Duration.ofHours(1), s.cleanupInterval());
        assertEquals(2, s.jobThreads());
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheDefault() {
        Map<String, String> env = Map.of("SIGNAL_ANALYZER_PORT", "9000", "SIGNAL_ANALYZER_DATA", "/srv/sa",
                "SIGNAL_ANALYZER_SESSION_LIFETIME", "7d", "SIGNAL_ANALYZER_MAX_UPLOAD_MB", "200");
        LocalSettings s = LocalSettings.parse(new String[] {"--port", "9100", "--cleanup-interval=PT15M",
                "--bind", "0.0.0.0"}, env);
        assertEquals(9100, s.port());
        assertEquals("0.0.0.0", s.bind());
        assertEquals(Path.of("/srv/sa"), s.dataDir());
        assertEquals(Duration.ofDays(7), s.sessionLifetime());
        assertEquals(Duration.ofMinutes(15), s.cleanupInterval());
        assertEquals(200L * 1024 * 1024, s.maxUploadBytes());
    }

    @Test
    void badValuesNameTheOptionItsVariableAndWhatIsAccepted() {
        var port = assertThrows(IllegalArgumentException.class,
                () -> LocalSettings.parse(new String[] {"--port", "80x"}, Map.of()));
        assertTrue(port.getMessage().contains("--port (SIGNAL_ANALYZER_PORT)") && port.getMessage().contains("0 to 65535"),
                port.getMessage());
        var lifetime = assertThrows(IllegalArgumentException.class,
                () -> LocalSettings.parse(new String[0], Map.of("SIGNAL_ANALYZER_SESSION_LIFETIME", "forever")));
        assertTrue(lifetime.getMessage().contains("'forever'"), lifetime.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> LocalSettings.parse(new String[] {"--prot", "1"}, Map.of()));
        assertTrue(unknown.getMessage().contains("--prot"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LocalSettings.parse(new String[] {"--data"}, Map.of()));
    }
}
