package org.signalanalyzer.functions.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.signalanalyzer.functions.ApiGatewayFunction;

/**
 * The API as AWS runs it: the real Lambda entry point fed API Gateway (REST, payload v1) events, against S3Proxy
 * and dynalite. One handler per test JVM, like one warm Lambda container.
 */
public final class ApiHarness {

    private static ApiGatewayFunction handler;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STORAGE_ENDPOINTS =
            List.of("signal.storage.s3-endpoint", "signal.storage.dynamodb-endpoint");

    private ApiHarness() {}

    /** The browser app's origin in the tests (a real host: Micronaut treats localhost origins specially). */
    public static final String SITE_ORIGIN = "https://site.example";

    /** Points the functions' configuration at the local servers (before any handler is made). */
    public static void configureStorage() {
        System.setProperty("SITE_ORIGIN", SITE_ORIGIN);
        S3ProxyServer s3 = S3ProxyServer.get();
        Dynalite dynamo = Dynalite.get();
        System.setProperty("signal.storage.bucket", S3ProxyServer.BUCKET);
        System.setProperty("signal.storage.table", Dynalite.TABLE);
        System.setProperty("signal.storage.s3-endpoint", s3.endpoint().toString());
        System.setProperty("signal.storage.dynamodb-endpoint", dynamo.endpoint().toString());
        System.setProperty("signal.storage.region", "us-east-1");
        System.setProperty("signal.storage.access-key", S3ProxyServer.ACCESS_KEY);
        System.setProperty("signal.storage.secret-key", S3ProxyServer.SECRET_KEY);
        // Every test's calls come from one address, far faster than a person: the suite sets its own creation
        // rate instead of leaning on the default (LimitsTest checks the default-sized limits on its own handler).
        System.setProperty("signal.limits.sessions-per-minute", "60000");
        System.setProperty("signal.limits.session-burst", "10000");
    }

    /**
     * Another warm container with these properties (signal.limits.*, signal.access-code, ...) over the suite's,
     * set only while its context starts.
     */
    public static synchronized ApiGatewayFunction handlerWith(Map<String, String> properties) {
        configureStorage();
        Map<String, String> before = new HashMap<>();
        properties.keySet().forEach(p -> before.put(p, System.getProperty(p)));
        try {
            properties.forEach(System::setProperty);
            return new ApiGatewayFunction();
        } finally {
            before.forEach((p, v) -> {
                if (v == null) System.clearProperty(p);
                else System.setProperty(p, v);
            });
        }
    }

    public static synchronized ApiGatewayFunction handler() {
        if (handler == null) {
            configureStorage();
            handler = new ApiGatewayFunction();
        }
        return handler;
    }

    /**
     * Another warm container whose S3 and DynamoDB endpoints are the given ones (a relay in front of the test
     * servers, say). The functions read their storage settings from system properties when the context starts, so
     * the properties are swapped only for that moment.
     */
    public static synchronized ApiGatewayFunction handlerBehind(URI s3, URI dynamo) {
        configureStorage();
        Map<String, String> before = new HashMap<>();
        for (String p : STORAGE_ENDPOINTS) before.put(p, System.getProperty(p));
        try {
            System.setProperty("signal.storage.s3-endpoint", s3.toString());
            System.setProperty("signal.storage.dynamodb-endpoint", dynamo.toString());
            return new ApiGatewayFunction();
        } finally {
            before.forEach(System::setProperty);
        }
    }

    public static Response call(String method, String path, String token, Object body) {
        return call(method, path, token, body, Map.of());
    }

    public static Response call(String method, String path, String token, Object body, Map<String, String> query) {
        return call(handler(), method, path, bearer(token), body, query);
    }

    /** A call with the session token (or none, when null) to the given handler. */
    public static Response call(ApiGatewayFunction handler, String method, String path, String token, Object body) {
        return call(handler, method, path, bearer(token), body, Map.of());
    }

    /** A call with any headers (Origin, a forged Authorization, ...) to the given handler; Accept defaults to JSON. */
    public static Response call(
            ApiGatewayFunction handler, String method, String path, Map<String, String> headers, Object body) {
        return call(handler, method, path, headers, body, Map.of());
    }

    private static Map<String, String> bearer(String token) {
        return token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
    }

    /** A call as API Gateway passes it on from a client at {@code sourceIp}. */
    public static Response callFrom(
            ApiGatewayFunction handler,
            String sourceIp,
            String method,
            String path,
            Map<String, String> headers,
            Object body) {
        return call(handler, method, path, headers, body, Map.of(), sourceIp);
    }

    /** A call with headers and query parameters to the given handler. */
    public static Response call(
            ApiGatewayFunction handler,
            String method,
            String path,
            Map<String, String> extra,
            Object body,
            Map<String, String> query) {
        return call(handler, method, path, extra, body, query, null);
    }

    private static Response call(
            ApiGatewayFunction handler,
            String method,
            String path,
            Map<String, String> extra,
            Object body,
            Map<String, String> query,
            String sourceIp) {
        Map<String, String> headers = new HashMap<>(extra);
        headers.putIfAbsent("Accept", "application/json");
        APIGatewayProxyRequestEvent event =
                new APIGatewayProxyRequestEvent().withHttpMethod(method).withPath(path);
        if (!query.isEmpty()) {
            event.withQueryStringParameters(query).withMultiValueQueryStringParameters(multi(query));
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
            try {
                event.withBody(body instanceof String s ? s : JSON.writeValueAsString(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        event.withHeaders(headers).withMultiValueHeaders(multi(headers));
        if (sourceIp != null) {
            event.withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                    .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp(sourceIp)));
        }
        APIGatewayProxyResponseEvent answer = handler.handleRequest(event, new LambdaTestContext());
        Map<String, String> answerHeaders = new HashMap<>();
        if (answer.getHeaders() != null) answerHeaders.putAll(answer.getHeaders());
        if (answer.getMultiValueHeaders() != null) {
            answer.getMultiValueHeaders().forEach((k, v) -> answerHeaders.putIfAbsent(k, String.join(",", v)));
        }
        return new Response(answer.getStatusCode(), answer.getBody() == null ? "" : answer.getBody(), answerHeaders);
    }

    private static Map<String, List<String>> multi(Map<String, String> single) {
        Map<String, List<String>> m = new HashMap<>();
        single.forEach((k, v) -> m.put(k, List.of(v)));
        return m;
    }

    public record Response(int status, String body, Map<String, String> headers) {
        /** A header regardless of case (API Gateway and Micronaut differ), or null. */
        public String header(String name) {
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
            }
            return null;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (status " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
        }
    }

    /** A new session: [sessionId, token]. */
    public static String[] newSession() {
        Response r = call("POST", "/api/sessions", null, null);
        if (r.status() != 201) throw new AssertionError("session not created: " + r);
        return new String[] {
            r.json().get("sessionId").asText(), r.json().get("token").asText()
        };
    }
}
