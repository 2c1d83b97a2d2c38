package org.signalanalyzer.local;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.ProxyRequestOptions;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.reactivestreams.Publisher;

/**
 * The browser's presigned PUTs and GETs, which {@link SameOriginBlobStore} points at this origin, handed on to
 * S3Proxy unchanged and with the browser's Host (the signature covers it), so S3Proxy checks the signature, the
 * signed content type and length, and the expiry exactly as S3 would.
 */
@Filter("/" + EmbeddedS3.BUCKET + "/**")
public class BlobProxyFilter implements HttpServerFilter {

    /** What presigned links are for; the rest of the S3 API stays on the loopback port. */
    private static final Set<HttpMethod> PRESIGNED = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT);

    private final ProxyHttpClient client;
    private final URI s3;

    public BlobProxyFilter(ProxyHttpClient client, @Value("${signal.storage.s3-endpoint}") String s3Endpoint) {
        this.client = client;
        this.s3 = URI.create(s3Endpoint);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!PRESIGNED.contains(request.getMethod())) {
            return Publishers.just(HttpResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(Map.of("error", "not_found", "message", request.getMethod()
                            + " is not offered here: stored files take only the presigned PUT and GET links the API hands out.")));
        }
        HttpRequest<?> forwarded = request.mutate().uri(b -> b.scheme(s3.getScheme()).host(s3.getHost()).port(s3.getPort()));
        return client.proxy(forwarded, ProxyRequestOptions.builder().retainHostHeader().build());
    }
}
