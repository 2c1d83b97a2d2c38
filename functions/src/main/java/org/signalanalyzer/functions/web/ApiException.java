package org.signalanalyzer.functions.web;

/** A failure the caller caused and can act on; answered as {@link ApiError} with its status. */
public final class ApiException extends RuntimeException {

    private final ErrorCode code;

    private ApiException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public static ApiException invalid(String message) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, message);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(ErrorCode.TOO_LARGE, message);
    }

    public static ApiException unsupportedType(String message) {
        return new ApiException(ErrorCode.UNSUPPORTED_TYPE, message);
    }

    public static ApiException unreadable(String message) {
        return new ApiException(ErrorCode.UNREADABLE_RECORDING, message);
    }

    public static ApiException analysisFailed(String message) {
        return new ApiException(ErrorCode.ANALYSIS_FAILED, message);
    }

    public static ApiException exportFailed(String message) {
        return new ApiException(ErrorCode.EXPORT_FAILED, message);
    }

    public ErrorCode code() {
        return code;
    }
}
