package org.signalanalyzer.local;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.ProxyRequestOptions;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The browser's presigned PUTs and GETs, which {@link SameOriginBlobStore} points at this origin, handed on to
 * S3Proxy unchanged and with the browser's Host (the signature covers it), so S3Proxy checks the signature, the
 * signed content type and length, and the expiry exactly as S3 would.
 */
@Filter("/" + EmbeddedS3.BUCKET + "/**")
public class BlobProxyFilter implements HttpServerFilter {

    /** What presigned links are for; the rest of the S3 API stays on the loopback port. */
    private static final Set<HttpMethod> PRESIGNED = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT);
    /**
     * Headers about the browser's connection, not the request: Java's HTTP client, for one, offers an h2c upgrade
     * that Jetty answers with 400 when it arrives through a proxy.
     */
    private static final List<String> HOP_BY_HOP = List.of("Connection", "Upgrade", "HTTP2-Settings", "Keep-Alive",
            "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Expect");
    private static final ProxyRequestOptions KEEP_HOST = ProxyRequestOptions.builder().retainHostHeader().build();

    private final ProxyHttpClient client;
    private final URI s3;

    public BlobProxyFilter(ProxyHttpClient client, @Value("${signal.storage.s3-endpoint}") String s3Endpoint) {
        this.client = client;
        this.s3 = URI.create(s3Endpoint);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!PRESIGNED.contains(request.getMethod())) {
            return Mono.just(HttpResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(Map.of("error", "not_found", "message", request.getMethod()
                            + " is not offered here: stored files take only the presigned PUT and GET links the API hands out.")));
        }
        if (request.getMethod() != HttpMethod.PUT || !(request instanceof ServerHttpRequest<?> server)) {
            return client.proxy(forwarded(request, null), KEEP_HOST);
        }
        // An upload is read whole first (it is at most the upload limit), so a refusal by S3Proxy can never cut
        // the browser's own connection while its body is still coming in.
        return Mono.fromFuture(server.byteBody().buffer()).flatMap(body -> {
            byte[] bytes;
            try (CloseableAvailableByteBody whole = body) {
                bytes = whole.toByteArray();
            }
            return Mono.from(client.proxy(forwarded(request, bytes), KEEP_HOST))
                    .onErrorResume(e -> Mono.just(uploadCutOff()));
        });
    }

    /**
     * S3Proxy refuses a PUT whose signature does not match (type, length, expiry) from its headers alone and may
     * close the connection before the body is through, which the proxy client reports as a broken pipe instead of
     * the 403. Nothing is stored in that case.
     */
    private static MutableHttpResponse<?> uploadCutOff() {
        return HttpResponse.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Map.of("error", "upload_refused", "message", "The storage closed the upload before taking it: "
                        + "the file must have exactly the size and type declared for this upload URL, within its "
                        + "validity. Ask for a new upload URL and send the file again."));
    }

    /** The same method, path, query and headers (Host included), addressed to S3Proxy. */
    private MutableHttpRequest<?> forwarded(HttpRequest<?> request, byte[] body) {
        URI target = URI.create(s3.getScheme() + "://" + s3.getHost() + ":" + s3.getPort() + request.getUri().getRawPath()
                + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery()));
        MutableHttpRequest<Object> copy = HttpRequest.create(request.getMethod(), target.toString());
        request.getHeaders().forEach((name, values) -> {
            if (HOP_BY_HOP.stream().noneMatch(name::equalsIgnoreCase) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(v -> copy.getHeaders().add(name, v));
            }
        });
        if (body != null) copy.body(body);
        return copy;
    }
}
