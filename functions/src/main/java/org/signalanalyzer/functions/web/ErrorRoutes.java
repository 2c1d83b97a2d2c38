package org.signalanalyzer.functions.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.swagger.v3.oas.annotations.Hidden;

/** Unknown paths and methods answer in the API's error shape too. */
@Controller
@Hidden
public class ErrorRoutes {

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    public HttpResponse<ApiError> notFound(HttpRequest<?> request) {
        return ErrorHandlers.answer(
                ErrorCode.NOT_FOUND,
                "Nothing is served at " + request.getMethod() + " " + request.getPath() + "; see /api/openapi.yml.");
    }

    @Error(status = HttpStatus.METHOD_NOT_ALLOWED, global = true)
    public HttpResponse<ApiError> notAllowed(HttpRequest<?> request) {
        return ErrorHandlers.answer(
                HttpStatus.METHOD_NOT_ALLOWED,
                ErrorCode.NOT_FOUND,
                request.getMethod() + " is not offered at " + request.getPath() + "; see /api/openapi.yml.");
    }

    @Error(status = HttpStatus.UNSUPPORTED_MEDIA_TYPE, global = true)
    public HttpResponse<ApiError> unsupportedMedia(HttpRequest<?> request) {
        return ErrorHandlers.answer(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                ErrorCode.INVALID_PARAMETER,
                "Send JSON with Content-Type: application/json.");
    }
}
