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
public record Limits(int sessionsPerMinute, int sessionBurst, long filesPerSession, long uploadBytesPerSession,
                     long analysesPerSession, long exportsPerSession, long jobsPerSession) {

    public static final String PREFIX = "signal.limits.";
    public static final int DEFAULT_SESSIONS_PER_MINUTE = 30;
    public static final int DEFAULT_SESSION_BURST = 10;
    public static final long DEFAULT_FILES_PER_SESSION = 100;
    /** 2 GiB: forty 50 MB recordings, more than a day at the rig. */
    public static final long DEFAULT_UPLOAD_BYTES_PER_SESSION = 2L * 1024 * 1024 * 1024;
    public static final long DEFAULT_ANALYSES_PER_SESSION = 500;
    public static final long DEFAULT_EXPORTS_PER_SESSION = 100;
    public static final long DEFAULT_JOBS_PER_SESSION = 20;

    public Limits(
            @Value("${signal.limits.sessions-per-minute:" + DEFAULT_SESSIONS_PER_MINUTE + "}")
            int sessionsPerMinute,
            @Value("${signal.limits.session-burst:" + DEFAULT_SESSION_BURST + "}")
            int sessionBurst,
            @Value("${signal.limits.files-per-session:" + DEFAULT_FILES_PER_SESSION + "}")
            long filesPerSession,
            @Value("${signal.limits.upload-bytes-per-session:" + DEFAULT_UPLOAD_BYTES_PER_SESSION + "}")
            long uploadBytesPerSession,
            @Value("${signal.limits.analyses-per-session:" + DEFAULT_ANALYSES_PER_SESSION + "}")
            long analysesPerSession,
            @Value("${signal.limits.exports-per-session:" + DEFAULT_EXPORTS_PER_SESSION + "}")
            long exportsPerSession,
            @Value("${signal.limits.jobs-per-session:" + DEFAULT_JOBS_PER_SESSION + "}")
            long jobsPerSession) {
        if (sessionsPerMinute < 1 || sessionBurst < 1) {
            throw new IllegalArgumentException("signal.limits.sessions-per-minute and session-burst must be at least 1");
        }
        if (filesPerSession < 0 || uploadBytesPerSession < 0 || analysesPerSession < 0 || exportsPerSession < 0
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
        return new Limits(DEFAULT_SESSIONS_PER_MINUTE, DEFAULT_SESSION_BURST, DEFAULT_FILES_PER_SESSION,
                DEFAULT_UPLOAD_BYTES_PER_SESSION, DEFAULT_ANALYSES_PER_SESSION, DEFAULT_EXPORTS_PER_SESSION,
                DEFAULT_JOBS_PER_SESSION);
    }

    /** These limits as the properties that configure them. */
    public Map<String, Object> asProperties() {
        return Map.of(PREFIX + "sessions-per-minute", sessionsPerMinute, PREFIX + "session-burst", sessionBurst,
                PREFIX + "files-per-session", filesPerSession, PREFIX + "upload-bytes-per-session", uploadBytesPerSession,
                PREFIX + "analyses-per-session", analysesPerSession, PREFIX + "exports-per-session", exportsPerSession,
                PREFIX + "jobs-per-session", jobsPerSession);
    }
}
