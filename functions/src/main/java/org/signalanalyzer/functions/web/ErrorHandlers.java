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
    public static MutableHttpResponse<ApiError> answer(HttpStatus status, String code, String message) {
        return HttpResponse.<ApiError>status(status).body(new ApiError(code, message));
    }

    @Singleton
    ExceptionHandler<ApiException, HttpResponse<ApiError>> apiErrors() {
        return (request, e) -> answer(e.status(), e.code(), e.getMessage());
    }

    @Singleton
    ExceptionHandler<StorageUnavailableException, HttpResponse<ApiError>> storageFaults() {
        return (request, e) -> {
            LOG.warn("storage fault on {} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
            return answer(HttpStatus.SERVICE_UNAVAILABLE, "storage_unavailable",
                    "The storage did not answer; nothing was changed. Try again in a few seconds.")
                    .header("Retry-After", RETRY_AFTER_S);
        };
    }

    @Singleton
    ExceptionHandler<BlobMissingException, HttpResponse<ApiError>> missingObjects() {
        return (request, e) -> answer(HttpStatus.NOT_FOUND, "not_found",
                "It is no longer stored (deleted meanwhile?): list the session's files or analyses again.");
    }

    @Singleton
    ExceptionHandler<StoreConflictException, HttpResponse<ApiError>> conflicts() {
        return (request, e) -> answer(HttpStatus.CONFLICT, "conflict",
                "Another request changed this at the same time (" + e.getMessage() + "); reload and try again.");
    }

    @Singleton
    ExceptionHandler<ConversionErrorException, HttpResponse<ApiError>> conversions() {
        return (request, e) -> answer(HttpStatus.BAD_REQUEST, "invalid_parameter",
                "Parameter '" + e.getArgument().getName() + "' has the wrong form: " + e.getMessage());
    }

    @Singleton
    ExceptionHandler<UnsatisfiedRouteException, HttpResponse<ApiError>> missing() {
        return (request, e) -> answer(HttpStatus.BAD_REQUEST, "invalid_parameter", e.getMessage());
    }

    @Singleton
    ExceptionHandler<SerdeException, HttpResponse<ApiError>> malformedJson() {
        return (request, e) -> answer(HttpStatus.BAD_REQUEST, "invalid_parameter",
                "The request body is not the JSON this call expects: " + e.getMessage());
    }

    @Singleton
    ExceptionHandler<SerializationException, HttpResponse<ApiError>> unreadableBody() {
        return (request, e) -> answer(HttpStatus.BAD_REQUEST, "invalid_parameter",
                "The request body is not valid JSON: " + e.getMessage());
    }
}
