package org.signalanalyzer.functions.limits;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The limits that keep one client from running up the bill: session creations per client address, and what one
 * session may hold or run. Configured as {@code signal.limits.*} (on Lambda the environment variables
 * SIGNAL_LIMITS_SESSIONS_PER_MINUTE and so on, in the local runtime its flags); the defaults are these constants,
 * and docs/api.md ("Limits") gives their reasons.
 */
@Singleton
public record Limits(
        int sessionsPerMinute,
        int sessionBurst,
        long filesPerSession,
        long uploadBytesPerSession,
        long analysesPerSession,
        long exportsPerSession,
        long jobsPerSession) {

    public static final String PREFIX = "signal.limits.";
    /** The properties, one per limit. */
    public static final String SESSIONS_PER_MINUTE = PREFIX + "sessions-per-minute";

    public static final String SESSION_BURST = PREFIX + "session-burst";
    public static final String FILES_PER_SESSION = PREFIX + "files-per-session";
    public static final String UPLOAD_BYTES_PER_SESSION = PREFIX + "upload-bytes-per-session";
    public static final String ANALYSES_PER_SESSION = PREFIX + "analyses-per-session";
    public static final String EXPORTS_PER_SESSION = PREFIX + "exports-per-session";
    public static final String JOBS_PER_SESSION = PREFIX + "jobs-per-session";
    public static final int DEFAULT_SESSIONS_PER_MINUTE = 30;
    public static final int DEFAULT_SESSION_BURST = 10;
    public static final long DEFAULT_FILES_PER_SESSION = 100;
    /** 2 GiB: forty 50 MB recordings, more than a day at the rig. */
    public static final long DEFAULT_UPLOAD_BYTES_PER_SESSION = 2L * 1024 * 1024 * 1024;

    public static final long DEFAULT_ANALYSES_PER_SESSION = 500;
    public static final long DEFAULT_EXPORTS_PER_SESSION = 100;
    public static final long DEFAULT_JOBS_PER_SESSION = 20;

    public Limits(
            @Value("${" + SESSIONS_PER_MINUTE + ":" + DEFAULT_SESSIONS_PER_MINUTE + "}") int sessionsPerMinute,
            @Value("${" + SESSION_BURST + ":" + DEFAULT_SESSION_BURST + "}") int sessionBurst,
            @Value("${" + FILES_PER_SESSION + ":" + DEFAULT_FILES_PER_SESSION + "}") long filesPerSession,
            @Value("${" + UPLOAD_BYTES_PER_SESSION + ":" + DEFAULT_UPLOAD_BYTES_PER_SESSION + "}")
                    long uploadBytesPerSession,
            @Value("${" + ANALYSES_PER_SESSION + ":" + DEFAULT_ANALYSES_PER_SESSION + "}") long analysesPerSession,
            @Value("${" + EXPORTS_PER_SESSION + ":" + DEFAULT_EXPORTS_PER_SESSION + "}") long exportsPerSession,
            @Value("${" + JOBS_PER_SESSION + ":" + DEFAULT_JOBS_PER_SESSION + "}") long jobsPerSession) {
        if (sessionsPerMinute < 1 || sessionBurst < 1) {
            throw new IllegalArgumentException(
                    "signal.limits.sessions-per-minute and session-burst must be at least 1");
        }
        if (filesPerSession < 0
                || uploadBytesPerSession < 0
                || analysesPerSession < 0
                || exportsPerSession < 0
                || jobsPerSession < 0) {
            throw new IllegalArgumentException("signal.limits per session must not be negative");
        }
        this.sessionsPerMinute = sessionsPerMinute;
        this.sessionBurst = sessionBurst;
        this.filesPerSession = filesPerSession;
        this.uploadBytesPerSession = uploadBytesPerSession;
        this.analysesPerSession = analysesPerSession;
        this.exportsPerSession = exportsPerSession;
        this.jobsPerSession = jobsPerSession;
    }

    /** Every limit at its default. */
    public static Limits defaults() {
        return new Limits(
                DEFAULT_SESSIONS_PER_MINUTE,
                DEFAULT_SESSION_BURST,
                DEFAULT_FILES_PER_SESSION,
                DEFAULT_UPLOAD_BYTES_PER_SESSION,
                DEFAULT_ANALYSES_PER_SESSION,
                DEFAULT_EXPORTS_PER_SESSION,
                DEFAULT_JOBS_PER_SESSION);
    }

    /** These limits as the properties that configure them. */
    public Map<String, Object> asProperties() {
        return Map.of(
                SESSIONS_PER_MINUTE,
                sessionsPerMinute,
                SESSION_BURST,
                sessionBurst,
                FILES_PER_SESSION,
                filesPerSession,
                UPLOAD_BYTES_PER_SESSION,
                uploadBytesPerSession,
                ANALYSES_PER_SESSION,
                analysesPerSession,
                EXPORTS_PER_SESSION,
                exportsPerSession,
                JOBS_PER_SESSION,
                jobsPerSession);
    }
}
