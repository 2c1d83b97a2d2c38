package org.signalanalyzer.functions.limits;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.signalanalyzer.functions.web.ApiError;
import org.signalanalyzer.functions.web.ErrorHandlers;

/** Answers a {@link LimitRefusal} as {@code {"error", "message"}}, with Retry-After when waiting helps. */
@Singleton
public class LimitRefusalHandler implements ExceptionHandler<LimitRefusal, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, LimitRefusal e) {
        MutableHttpResponse<ApiError> answer = ErrorHandlers.answer(e.code(), e.getMessage());
        if (e.retryAfterSeconds() != null) answer.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        return answer;
    }
}
