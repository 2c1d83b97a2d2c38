package org.signalanalyzer.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.net.URI;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * Forwards every /api request to the backend at {@code api.url} (env API_URL) with Micronaut's proxy client, which
 * passes method, headers, body, status and response headers through unchanged (it only sets Host to the target).
 * Only the web process sets {@code api.url} (env API_URL; {@link ApiUrlRequired} stops the process without it); the
 * local runtime, which reuses this module for {@link SiteController}, answers /api with its own controllers.
 */
@Filter({"/api", "/api/**"})
@Requires(property = "api.url")
public class ApiProxyFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProxyFilter.class);

    private final ProxyHttpClient client;
    private final URI target;

    public ApiProxyFilter(ProxyHttpClient client, @Value("${api.url}") String apiUrl) {
        this.client = client;
        this.target = parse(apiUrl);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        // API_URL may carry a path (an API Gateway stage such as /Prod); the request's /api/... goes after it.
        String basePath = target.getRawPath() == null ? "" : stripTrailingSlash(target.getRawPath());
        HttpRequest<?> forwarded = request.mutate()
                .uri(b -> b.scheme(target.getScheme())
                        .host(target.getHost())
                        .port(target.getPort())
                        .replacePath(basePath + request.getPath()));
        return Flux.from(client.proxy(forwarded)).onErrorResume(e -> {
            LOG.warn(
                    "The API at {} did not answer {} {}: {}",
                    target,
                    request.getMethod(),
                    request.getPath(),
                    e.toString());
            return Publishers.just(e instanceof ReadTimeoutException ? upstreamTimeout() : badGateway());
        });
    }

    /**
     * The backend took longer than the client's read timeout (application-web.yml, below Heroku's 30 s router
     * limit): answered here in the API's error shape, before Heroku would cut the connection with its own page.
     */
    private MutableHttpResponse<?> upstreamTimeout() {
        return HttpResponse.status(HttpStatus.GATEWAY_TIMEOUT)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Map.of(
                        "error",
                        "upstream_timeout",
                        "message",
                        "The analysis service took too long to answer. Long work runs as a job "
                                + "(POST /api/sessions/{id}/jobs); try again, or use a job for large batches."));
    }

    /** The same error shape as the API's own errors (docs/api.md), so the app shows it like any other. */
    private MutableHttpResponse<?> badGateway() {
        return HttpResponse.status(HttpStatus.BAD_GATEWAY)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Map.of(
                        "error",
                        "bad_gateway",
                        "message",
                        "The analysis service did not answer; try again in a moment."));
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static URI parse(String apiUrl) {
        URI uri = URI.create(apiUrl.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("API_URL must be an absolute http(s) URL such as "
                    + "https://abc.execute-api.eu-west-1.amazonaws.com/Prod, not '" + apiUrl + "'");
        }
        return uri;
    }
}
