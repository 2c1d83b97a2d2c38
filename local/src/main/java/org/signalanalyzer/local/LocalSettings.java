package org.signalanalyzer.local;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.signalanalyzer.functions.limits.Limits;

/**
 * How the local runtime is set up. Every setting has a default, an environment variable and a flag; a flag beats
 * the environment variable, which beats the default. The limits' defaults are the functions' own ({@link Limits}).
 */
public record LocalSettings(
        int port,
        String bind,
        Path dataDir,
        long maxUploadBytes,
        Duration sessionLifetime,
        Duration cleanupInterval,
        int jobThreads,
        String accessCode,
        Limits limits) {

    static final String USAGE = """
            Usage: java -jar local/target/signal-analyzer-local.jar [options]
              --port N                 HTTP port (0 = any free port)      SIGNAL_ANALYZER_PORT              8080
              --bind HOST              address to listen on               SIGNAL_ANALYZER_BIND              localhost
                                       (0.0.0.0 to serve a lab network)
              --data DIR               data folder (objects, sessions)    SIGNAL_ANALYZER_DATA              ./signal-analyzer-data
              --max-upload-mb N        largest recording accepted, MB     SIGNAL_ANALYZER_MAX_UPLOAD_MB     50
              --session-lifetime D     how long a session lives           SIGNAL_ANALYZER_SESSION_LIFETIME  24h
              --cleanup-interval D     how often expired sessions go      SIGNAL_ANALYZER_CLEANUP_INTERVAL  1h
              --job-threads N          parallel long jobs (batches)       SIGNAL_ANALYZER_JOB_THREADS       2
              --access-code CODE       code a browser needs to start a    SIGNAL_ANALYZER_ACCESS_CODE       (none: open)
                                       session (set it with --bind 0.0.0.0)
              --sessions-per-minute N  new sessions per client address    SIGNAL_ANALYZER_SESSIONS_PER_MINUTE %d
              --session-burst N        ... of which at once               SIGNAL_ANALYZER_SESSION_BURST     %d
              --max-files N            files one session may hold         SIGNAL_ANALYZER_MAX_FILES         %d
              --max-session-upload-mb N  declared upload MB per session   SIGNAL_ANALYZER_MAX_SESSION_UPLOAD_MB %d
              --max-analyses N         analyses one session may run       SIGNAL_ANALYZER_MAX_ANALYSES      %d
              --max-exports N          exports one session may write      SIGNAL_ANALYZER_MAX_EXPORTS       %d
              --max-jobs N             batch jobs one session may start   SIGNAL_ANALYZER_MAX_JOBS          %d
              --help                   this text
            Durations: 90s, 30m, 24h, 7d (or ISO-8601 such as PT24H).""".formatted(
                    Limits.DEFAULT_SESSIONS_PER_MINUTE,
                    Limits.DEFAULT_SESSION_BURST,
                    Limits.DEFAULT_FILES_PER_SESSION,
                    Limits.DEFAULT_UPLOAD_BYTES_PER_SESSION / (1024 * 1024),
                    Limits.DEFAULT_ANALYSES_PER_SESSION,
                    Limits.DEFAULT_EXPORTS_PER_SESSION,
                    Limits.DEFAULT_JOBS_PER_SESSION);

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d)");
    private static final long MB = 1024L * 1024L;

    public static LocalSettings defaults() {
        return parse(new String[0], Map.of());
    }

    /** Reads flags over environment variables over defaults; a bad value is an {@link IllegalArgumentException}. */
    public static LocalSettings parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        for (Option o : Option.values()) {
            String fromEnv = env.get(o.env);
            values.put(o.flag, fromEnv == null || fromEnv.isBlank() ? o.defaultValue : fromEnv.trim());
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg;
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                flag = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                value = null;
            }
            if (Option.byFlag(flag) == null) {
                throw new IllegalArgumentException("Unknown option '" + arg + "'. " + "See --help.");
            }
            if (value == null) throw new IllegalArgumentException(flag + " needs a value. See --help.");
            values.put(flag, value.trim());
        }
        return new LocalSettings(
                intIn(values, Option.PORT, 0, 65535),
                nonBlank(values, Option.BIND),
                Path.of(nonBlank(values, Option.DATA)),
                intIn(values, Option.MAX_UPLOAD_MB, 1, 4096) * MB,
                duration(values, Option.SESSION_LIFETIME),
                duration(values, Option.CLEANUP_INTERVAL),
                intIn(values, Option.JOB_THREADS, 1, 64),
                values.get(Option.ACCESS_CODE.flag),
                new Limits(
                        intIn(values, Option.SESSIONS_PER_MINUTE, 1, 1_000_000),
                        intIn(values, Option.SESSION_BURST, 1, 1_000_000),
                        intIn(values, Option.MAX_FILES, 0, 1_000_000),
                        intIn(values, Option.MAX_SESSION_UPLOAD_MB, 0, 16 * 1024 * 1024) * MB,
                        intIn(values, Option.MAX_ANALYSES, 0, 1_000_000),
                        intIn(values, Option.MAX_EXPORTS, 0, 1_000_000),
                        intIn(values, Option.MAX_JOBS, 0, 1_000_000)));
    }

    public LocalSettings withPort(int newPort) {
        return with(newPort, dataDir, accessCode, limits);
    }

    public LocalSettings withDataDir(Path newDataDir) {
        return with(port, newDataDir, accessCode, limits);
    }

    public LocalSettings withLimits(Limits newLimits) {
        return with(port, dataDir, accessCode, newLimits);
    }

    public LocalSettings withAccessCode(String newAccessCode) {
        return with(port, dataDir, newAccessCode, limits);
    }

    /** These settings with the ones tests vary replaced. */
    private LocalSettings with(int newPort, Path newDataDir, String newAccessCode, Limits newLimits) {
        return new LocalSettings(
                newPort,
                bind,
                newDataDir,
                maxUploadBytes,
                sessionLifetime,
                cleanupInterval,
                jobThreads,
                newAccessCode,
                newLimits);
    }

    /**
     * What to say at start when the runtime listens beyond this machine without an access code: anyone who can
     * reach the port can then create sessions and spend this machine's disk and processor.
     */
    public Optional<String> openDoorWarning() {
        if (!accessCode.isEmpty() || isLoopback(bind)) return Optional.empty();
        return Optional.of("WARNING: Signal Analyzer listens on " + bind + ", reachable from other machines, without "
                + "an access code: anyone who can reach this port can start sessions and store files here. Start it "
                + "with --access-code CODE (or SIGNAL_ANALYZER_ACCESS_CODE) to close it to strangers.");
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException unknown) {
            return false;
        }
    }

    /** The access code is a secret: never printed, even in a settings dump. */
    @Override
    public String toString() {
        return "LocalSettings[port=" + port + ", bind=" + bind + ", dataDir=" + dataDir + ", maxUploadBytes="
                + maxUploadBytes + ", sessionLifetime=" + sessionLifetime + ", cleanupInterval=" + cleanupInterval
                + ", jobThreads=" + jobThreads + ", accessCode=" + (accessCode.isEmpty() ? "(none)" : "(set)")
                + ", limits=" + limits + "]";
    }

    public static boolean wantsHelp(String[] args) {
        for (String a : args) if (a.equals("--help") || a.equals("-h")) return true;
        return false;
    }

    private static int intIn(Map<String, String> values, Option o, int min, int max) {
        String v = values.get(o.flag);
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException(
                o.flag + " (" + o.env + ") must be a whole number from " + min + " to " + max + ", not '" + v + "'.");
    }

    private static String nonBlank(Map<String, String> values, Option o) {
        String v = values.get(o.flag);
        if (v.isBlank()) throw new IllegalArgumentException(o.flag + " (" + o.env + ") must not be empty.");
        return v;
    }

    private static Duration duration(Map<String, String> values, Option o) {
        String v = values.get(o.flag).toLowerCase(Locale.ROOT);
        Duration d = null;
        Matcher m = SHORT_DURATION.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException ignored) {
                // reported below with examples
            }
        }
        if (d == null || d.isNegative() || d.toSeconds() < 1) {
            throw new IllegalArgumentException(o.flag + " (" + o.env + ") must be a duration of at least 1 second "
                    + "such as 90s, 30m, 24h or 7d, not '" + values.get(o.flag) + "'.");
        }
        return d;
    }

    private enum Option {
        PORT("--port", "SIGNAL_ANALYZER_PORT", "8080"),
        BIND("--bind", "SIGNAL_ANALYZER_BIND", "localhost"),
        DATA("--data", "SIGNAL_ANALYZER_DATA", "signal-analyzer-data"),
        MAX_UPLOAD_MB("--max-upload-mb", "SIGNAL_ANALYZER_MAX_UPLOAD_MB", "50"),
        SESSION_LIFETIME("--session-lifetime", "SIGNAL_ANALYZER_SESSION_LIFETIME", "24h"),
        CLEANUP_INTERVAL("--cleanup-interval", "SIGNAL_ANALYZER_CLEANUP_INTERVAL", "1h"),
        JOB_THREADS("--job-threads", "SIGNAL_ANALYZER_JOB_THREADS", "2"),
        ACCESS_CODE("--access-code", "SIGNAL_ANALYZER_ACCESS_CODE", ""),
        SESSIONS_PER_MINUTE(
                "--sessions-per-minute", "SIGNAL_ANALYZER_SESSIONS_PER_MINUTE", Limits.DEFAULT_SESSIONS_PER_MINUTE),
        SESSION_BURST("--session-burst", "SIGNAL_ANALYZER_SESSION_BURST", Limits.DEFAULT_SESSION_BURST),
        MAX_FILES("--max-files", "SIGNAL_ANALYZER_MAX_FILES", Limits.DEFAULT_FILES_PER_SESSION),
        MAX_SESSION_UPLOAD_MB(
                "--max-session-upload-mb",
                "SIGNAL_ANALYZER_MAX_SESSION_UPLOAD_MB",
                Limits.DEFAULT_UPLOAD_BYTES_PER_SESSION / MB),
        MAX_ANALYSES("--max-analyses", "SIGNAL_ANALYZER_MAX_ANALYSES", Limits.DEFAULT_ANALYSES_PER_SESSION),
        MAX_EXPORTS("--max-exports", "SIGNAL_ANALYZER_MAX_EXPORTS", Limits.DEFAULT_EXPORTS_PER_SESSION),
        MAX_JOBS("--max-jobs", "SIGNAL_ANALYZER_MAX_JOBS", Limits.DEFAULT_JOBS_PER_SESSION);

        final String flag;
        final String env;
        final String defaultValue;

        Option(String flag, String env, String defaultValue) {
            this.flag = flag;
            this.env = env;
            this.defaultValue = defaultValue;
        }

        Option(String flag, String env, long defaultValue) {
            this(flag, env, Long.toString(defaultValue));
        }

        static Option byFlag(String flag) {
            for (Option o : values()) if (o.flag.equals(flag)) return o;
            return null;
        }
    }
}
