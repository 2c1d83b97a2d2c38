package org.signalanalyzer.web;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;

/**
 * The web process exists to forward /api to the serverless backend: without API_URL every API call would fail
 * while the site looked healthy, so it refuses to start and says what to set. Only the "web" environment has this
 * bean; the local runtime, which answers /api itself, never starts it.
 */
@Context
@Requires(env = WebApplication.ENVIRONMENT)
public class ApiUrlRequired {

    static final String MESSAGE = "API_URL is not set: the web process forwards /api to the serverless backend and "
            + "cannot work without it. Set it to the stack's ApiUrl output, e.g. "
            + "heroku config:set API_URL=https://abc123.execute-api.eu-west-1.amazonaws.com/prod";

    public ApiUrlRequired(@Nullable @Value("${api.url:}") String apiUrl) {
        if (apiUrl == null || apiUrl.isBlank()) throw new ConfigurationException(MESSAGE);
    }
}
