package org.signalanalyzer.functions.web;

import io.micronaut.http.HttpStatus;
import java.util.Locale;

/**
 * Every {@code "error"} code the API answers (docs/api.md, "Errors"), each with the status it is usually answered
 * with: the codes are written here only. The framework's own refusals keep their status and take the nearest code
 * ({@link ApiErrorResponseProcessor}, {@link ErrorRoutes}).
 */
public enum ErrorCode {
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST),
    ACCESS_CODE_REQUIRED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    QUOTA_EXCEEDED(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    CONFLICT(HttpStatus.CONFLICT),
    TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE),
    UNSUPPORTED_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    UNREADABLE_RECORDING(HttpStatus.UNPROCESSABLE_ENTITY),
    ANALYSIS_FAILED(HttpStatus.UNPROCESSABLE_ENTITY),
    EXPORT_FAILED(HttpStatus.UNPROCESSABLE_ENTITY),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),
    STORAGE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    BUSY(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** As answered: {@code "invalid_parameter"}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
