package org.signalanalyzer.functions.jobs;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.signalanalyzer.functions.web.ApiError;
import org.signalanalyzer.functions.web.ErrorCode;
import org.signalanalyzer.functions.web.ErrorHandlers;

/** Answers {@link JobsBusyException} as 503 {@code busy}, with the wait a full pool needs. */
@Singleton
public class JobsBusyHandler implements ExceptionHandler<JobsBusyException, HttpResponse<ApiError>> {

    /** The wait the answer asks for, in seconds. */
    static final String RETRY_AFTER_S = "30";

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, JobsBusyException e) {
        return ErrorHandlers.answer(
                        ErrorCode.BUSY, "Too many jobs are running; nothing was started. Try again in a minute.")
                .header("Retry-After", RETRY_AFTER_S);
    }
}
