package org.signalanalyzer.functions.limits;

import org.signalanalyzer.functions.web.ErrorCode;

/**
 * A request refused by a limit: a missing access code (401), a full session quota (403: waiting frees nothing,
 * so it is not 429), or too many session creations from one address (429 with Retry-After).
 */
public final class LimitRefusal extends RuntimeException {

    private final ErrorCode code;
    private final Long retryAfterSeconds;

    private LimitRefusal(ErrorCode code, String message, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static LimitRefusal accessCodeRequired(String message) {
        return new LimitRefusal(ErrorCode.ACCESS_CODE_REQUIRED, message, null);
    }

    static LimitRefusal quotaExceeded(String message) {
        return new LimitRefusal(ErrorCode.QUOTA_EXCEEDED, message, null);
    }

    static LimitRefusal rateLimited(String message, long retryAfterSeconds) {
        return new LimitRefusal(ErrorCode.RATE_LIMITED, message, retryAfterSeconds);
    }

    public ErrorCode code() {
        return code;
    }
    /** Whole seconds to wait, or null when waiting does not help. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
