package org.signalanalyzer.functions.web;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.serialize.exceptions.SerializationException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import org.signalanalyzer.functions.store.BlobMissingException;
import org.signalanalyzer.functions.store.StorageUnavailableException;
import org.signalanalyzer.functions.store.StoreConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps failures to {@code {"error", "message"}} answers (docs/api.md, "Errors"). A package whose own exception needs
 * an answer keeps its handler beside it ({@code LimitRefusalHandler}, {@code JobsBusyHandler}).
 */
@Factory
public class ErrorHandlers {

    /** Seconds a client should wait before retrying after a storage fault. */
    static final String RETRY_AFTER_S = "5";

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

    /** An error answer; the other packages' handlers (limits, jobs) answer through it too. */
    public static MutableHttpResponse<ApiError> answer(ErrorCode code, String message) {
        return answer(code.status(), code, message);
    }

    /** An error answer with a status other than the code's own (the framework's refusals). */
    static MutableHttpResponse<ApiError> answer(HttpStatus status, ErrorCode code, String message) {
        return HttpResponse.<ApiError>status(status).body(new ApiError(code.code(), message));
    }

    @Singleton
    ExceptionHandler<ApiException, HttpResponse<ApiError>> apiErrors() {
        return (request, e) -> answer(e.code(), e.getMessage());
    }

    @Singleton
    ExceptionHandler<StorageUnavailableException, HttpResponse<ApiError>> storageFaults() {
        return (request, e) -> {
            LOG.warn("storage fault on {} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
            return answer(
                            ErrorCode.STORAGE_UNAVAILABLE,
                            "The storage did not answer; nothing was changed. Try again in a few seconds.")
                    .header("Retry-After", RETRY_AFTER_S);
        };
    }

    @Singleton
    ExceptionHandler<BlobMissingException, HttpResponse<ApiError>> missingObjects() {
        return (request, e) -> answer(
                ErrorCode.NOT_FOUND,
                "It is no longer stored (deleted meanwhile?): list the session's files or analyses again.");
    }

    @Singleton
    ExceptionHandler<StoreConflictException, HttpResponse<ApiError>> conflicts() {
        return (request, e) -> answer(
                ErrorCode.CONFLICT,
                "Another request changed this at the same time (" + e.getMessage() + "); reload and try again.");
    }

    @Singleton
    ExceptionHandler<ConversionErrorException, HttpResponse<ApiError>> conversions() {
        return (request, e) -> answer(
                ErrorCode.INVALID_PARAMETER,
                "Parameter '" + e.getArgument().getName() + "' has the wrong form: " + e.getMessage());
    }

    @Singleton
    ExceptionHandler<UnsatisfiedRouteException, HttpResponse<ApiError>> missing() {
        return (request, e) -> answer(ErrorCode.INVALID_PARAMETER, e.getMessage());
    }

    @Singleton
    ExceptionHandler<SerdeException, HttpResponse<ApiError>> malformedJson() {
        return (request, e) -> answer(
                ErrorCode.INVALID_PARAMETER, "The request body is not the JSON this call expects: " + e.getMessage());
    }

    @Singleton
    ExceptionHandler<SerializationException, HttpResponse<ApiError>> unreadableBody() {
        return (request, e) ->
                answer(ErrorCode.INVALID_PARAMETER, "The request body is not valid JSON: " + e.getMessage());
    }
}
