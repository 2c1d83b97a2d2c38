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
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.ProxyRequestOptions;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
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
    private static final List<String> HOP_BY_HOP = List.of(
            "Connection",
            "Upgrade",
            "HTTP2-Settings",
            "Keep-Alive",
            "Proxy-Connection",
            "TE",
            "Trailer",
            "Transfer-Encoding",
            "Expect");

    private static final ProxyRequestOptions KEEP_HOST =
            ProxyRequestOptions.builder().retainHostHeader().build();

    private final ProxyHttpClient client;
    private final URI s3;

    public BlobProxyFilter(ProxyHttpClient client, @Value("${signal.storage.s3-endpoint}") String s3Endpoint) {
        this.client = client;
        this.s3 = URI.create(s3Endpoint);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!PRESIGNED.contains(request.getMethod())) {
            return Mono.just(
                    HttpResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
                            .contentType(MediaType.APPLICATION_JSON_TYPE)
                            .body(
                                    Map.of(
                                            "error",
                                            "not_found",
                                            "message",
                                            request.getMethod()
                                                    + " is not offered here: stored files take only the presigned PUT and GET links the API hands out.")));
        }
        if (request.getMethod() == HttpMethod.PUT && asksForAnAcl(request)) return Mono.just(aclRefused());
        // The body streams through as it arrives (never held whole: uploads go up to --max-upload-mb), with the
        // browser's Content-Length, which the signature covers.
        boolean close = request.getHeaders().getAll(HttpHeaders.CONNECTION).stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("close"));
        return Mono.from(client.proxy(forwarded(request), KEEP_HOST))
                // The copy shares the browser's headers, so dropping the hop-by-hop ones drops its "Connection:
                // close" too, which the server would otherwise honour after answering: it is put back on the answer.
                .map(response -> close ? response.header(HttpHeaders.CONNECTION, "close") : response)
                // A refused PUT is answered from its headers, and S3Proxy drops the connection while the browser is
                // still sending: its error document, streamed on, would arrive cut off (a broken chunked answer
                // instead of a 403). The refusal is answered here, whole, as S3 words it.
                .map(response ->
                        request.getMethod() == HttpMethod.PUT && response.code() == 403 ? uploadRefused() : response)
                .onErrorResume(e -> Mono.just(
                        request.getMethod() == HttpMethod.PUT && !unreachable(e) ? uploadRefused() : storageDown()));
    }

    /**
     * S3Proxy refuses a PUT whose signature does not match (type, length, expiry) from its headers alone and closes
     * the connection before the body is through, which the proxy client sees as a broken pipe instead of its 403.
     * The answer is the one S3 gives (403, S3's error document); nothing is stored in that case.
     */
    private static MutableHttpResponse<?> uploadRefused() {
        return HttpResponse.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.APPLICATION_XML_TYPE)
                .header(HttpHeaders.CONNECTION, "close")
                .body(s3Error(
                        "AccessDenied",
                        "The upload was refused: the file must have exactly the size and type "
                                + "declared for this upload URL, within its validity. Ask for a new upload URL and send the "
                                + "file again."));
    }

    /**
     * The deployed bucket enforces bucket ownership (template.yaml, OwnershipControls BucketOwnerEnforced): S3
     * refuses a PUT that sets an ACL other than bucket-owner-full-control. S3Proxy would honour a public-read ACL
     * and serve the object to anyone, so this origin refuses it as S3 does.
     */
    private static boolean asksForAnAcl(HttpRequest<?> request) {
        for (String name : request.getHeaders().names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-grant-")) return true;
            if (lower.equals("x-amz-acl")
                    && !request.getHeaders().getAll(name).stream()
                            .allMatch(v -> v.trim().equals("bucket-owner-full-control"))) {
                return true;
            }
        }
        return false;
    }

    private static MutableHttpResponse<?> aclRefused() {
        return HttpResponse.status(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_XML_TYPE)
                .header(HttpHeaders.CONNECTION, "close")
                .body(s3Error(
                        "AccessControlListNotSupported",
                        "The bucket does not allow ACLs: send the upload "
                                + "with only the headers the upload ticket lists."));
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) return true;
        }
        return false;
    }

    private static MutableHttpResponse<?> storageDown() {
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_XML_TYPE)
                .body(s3Error("ServiceUnavailable", "The local storage did not answer; restart Signal Analyzer."));
    }

    private static String s3Error(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>";
    }

    /** The same request (method, path, query, headers with Host, body) addressed to S3Proxy. */
    private MutableHttpRequest<?> forwarded(HttpRequest<?> request) {
        URI target = URI.create(s3.getScheme() + "://" + s3.getHost() + ":" + s3.getPort()
                + request.getUri().getRawPath()
                + (request.getUri().getRawQuery() == null
                        ? ""
                        : "?" + request.getUri().getRawQuery()));
        MutableHttpRequest<?> copy = request.mutate().uri(target);
        HOP_BY_HOP.forEach(copy.getHeaders()::remove);
        return copy;
    }
}
