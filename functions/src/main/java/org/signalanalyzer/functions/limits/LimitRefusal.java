package org.signalanalyzer.functions.limits;

import io.micronaut.http.HttpStatus;

/**
 * A request refused by a limit: a missing access code (401), a full session quota (403: waiting frees nothing,
 * so it is not 429), or too many session creations from one address (429 with Retry-After).
 */
public final class LimitRefusal extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Long retryAfterSeconds;

    private LimitRefusal(HttpStatus status, String code, String message, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static LimitRefusal accessCodeRequired(String message) {
        return new LimitRefusal(HttpStatus.UNAUTHORIZED, "access_code_required", message, null);
    }

    static LimitRefusal quotaExceeded(String message) {
        return new LimitRefusal(HttpStatus.FORBIDDEN, "quota_exceeded", message, null);
    }

    static LimitRefusal rateLimited(String message, long retryAfterSeconds) {
        return new LimitRefusal(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", message, retryAfterSeconds);
    }

    public HttpStatus status() { return status; }
    public String code() { return code; }
    /** Whole seconds to wait, or null when waiting does not help. */
    public Long retryAfterSeconds() { return retryAfterSeconds; }
}
