package org.signalanalyzer.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.functions.limits.Limits;

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
        Map<String, String> env = Map.of(
                "SIGNAL_ANALYZER_PORT",
                "9000",
                "SIGNAL_ANALYZER_DATA",
                "/srv/sa",
                "SIGNAL_ANALYZER_SESSION_LIFETIME",
                "7d",
                "SIGNAL_ANALYZER_MAX_UPLOAD_MB",
                "200");
        LocalSettings s = LocalSettings.parse(
                new String[] {"--port", "9100", "--cleanup-interval=PT15M", "--bind", "0.0.0.0"}, env);
        assertEquals(9100, s.port());
        assertEquals("0.0.0.0", s.bind());
        assertEquals(Path.of("/srv/sa"), s.dataDir());
        assertEquals(Duration.ofDays(7), s.sessionLifetime());
        assertEquals(Duration.ofMinutes(15), s.cleanupInterval());
        assertEquals(200L * 1024 * 1024, s.maxUploadBytes());
    }

    @Test
    void badValuesNameTheOptionItsVariableAndWhatIsAccepted() {
        var port = assertThrows(
                IllegalArgumentException.class, () -> LocalSettings.parse(new String[] {"--port", "80x"}, Map.of()));
        assertTrue(
                port.getMessage().contains("--port (SIGNAL_ANALYZER_PORT)")
                        && port.getMessage().contains("0 to 65535"),
                port.getMessage());
        var lifetime = assertThrows(
                IllegalArgumentException.class,
                () -> LocalSettings.parse(new String[0], Map.of("SIGNAL_ANALYZER_SESSION_LIFETIME", "forever")));
        assertTrue(lifetime.getMessage().contains("'forever'"), lifetime.getMessage());
        var unknown = assertThrows(
                IllegalArgumentException.class, () -> LocalSettings.parse(new String[] {"--prot", "1"}, Map.of()));
        assertTrue(unknown.getMessage().contains("--prot"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LocalSettings.parse(new String[] {"--data"}, Map.of()));
    }

    @Test
    void theLimitsDefaultToTheFunctionsOwnAndTakeFlagsAndEnvironment() {
        assertEquals(Limits.defaults(), LocalSettings.defaults().limits());
        assertEquals("", LocalSettings.defaults().accessCode());
        LocalSettings s = LocalSettings.parse(
                new String[] {
                    "--sessions-per-minute",
                    "5",
                    "--max-files=7",
                    "--max-session-upload-mb",
                    "100",
                    "--access-code",
                    "lab-42"
                },
                Map.of("SIGNAL_ANALYZER_MAX_JOBS", "3", "SIGNAL_ANALYZER_SESSION_BURST", "2"));
        assertEquals(5, s.limits().sessionsPerMinute());
        assertEquals(2, s.limits().sessionBurst());
        assertEquals(7, s.limits().filesPerSession());
        assertEquals(100L * 1024 * 1024, s.limits().uploadBytesPerSession());
        assertEquals(3, s.limits().jobsPerSession());
        assertEquals("lab-42", s.accessCode());
        assertEquals(
                "lab-42",
                LocalSettings.parse(new String[0], Map.of("SIGNAL_ANALYZER_ACCESS_CODE", "lab-42"))
                        .accessCode());
        assertFalse(s.toString().contains("lab-42"), "the code is never printed: " + s);
        assertThrows(
                IllegalArgumentException.class,
                () -> LocalSettings.parse(new String[] {"--sessions-per-minute", "0"}, Map.of()));
    }

    @Test
    void listeningBeyondThisMachineWithoutACodeIsSaidAtStart() {
        assertTrue(LocalSettings.defaults().openDoorWarning().isEmpty(), "localhost needs no code");
        LocalSettings lab = LocalSettings.parse(new String[] {"--bind", "0.0.0.0"}, Map.of());
        String warning = lab.openDoorWarning().orElseThrow();
        assertTrue(warning.contains("0.0.0.0") && warning.contains("--access-code"), warning);
        assertTrue(lab.withAccessCode("lab-42").openDoorWarning().isEmpty(), "a code closes the door");
        assertTrue(LocalSettings.parse(new String[] {"--bind", "127.0.0.1"}, Map.of())
                .openDoorWarning()
                .isEmpty());
    }
}
