package org.signalanalyzer.functions.web;

import io.micronaut.http.HttpStatus;

/** A failure the caller caused and can act on; answered as {@link ApiError} with its status. */
public final class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    private ApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiException invalid(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_parameter", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, "conflict", message);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too_large", message);
    }

    public static ApiException unsupportedType(String message) {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_type", message);
    }

    public static ApiException unreadable(String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "unreadable_recording", message);
    }

    public static ApiException analysisFailed(String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "analysis_failed", message);
    }

    public static ApiException exportFailed(String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "export_failed", message);
    }

    public HttpStatus status() { return status; }
    public String code() { return code; }
}
