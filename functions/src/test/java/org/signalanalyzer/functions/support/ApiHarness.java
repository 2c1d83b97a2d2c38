package org.signalanalyzer.functions.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.signalanalyzer.functions.ApiGatewayFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The API as AWS runs it: the real Lambda entry point fed API Gateway (REST, payload v1) events, against S3Proxy
 * and dynalite. One handler per test JVM, like one warm Lambda container.
 */
public final class ApiHarness {

    private static ApiGatewayFunction handler;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiHarness() { }

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
    }

    public static synchronized ApiGatewayFunction handler() {
        if (handler == null) {
            configureStorage();
            handler = new ApiGatewayFunction();
        }
        return handler;
    }

    public static Response call(String method, String path, String token, Object body) {
        return call(method, path, token, body, Map.of());
    }

    public static Response call(String method, String path, String token, Object body, Map<String, String> query) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "application/json");
        if (token != null) headers.put("Authorization", "Bearer " + token);
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withHttpMethod(method).withPath(path)
                .withHeaders(headers).withMultiValueHeaders(multi(headers));
        if (!query.isEmpty()) {
            event.withQueryStringParameters(query).withMultiValueQueryStringParameters(multi(query));
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
            event.withHeaders(headers).withMultiValueHeaders(multi(headers));
            try {
                event.withBody(body instanceof String s ? s : JSON.writeValueAsString(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        APIGatewayProxyResponseEvent answer = handler().handleRequest(event, new LambdaTestContext());
        return new Response(answer.getStatusCode(), answer.getBody() == null ? "" : answer.getBody(),
                answer.getHeaders() == null ? Map.of() : answer.getHeaders());
    }

    private static Map<String, List<String>> multi(Map<String, String> single) {
        Map<String, List<String>> m = new HashMap<>();
        single.forEach((k, v) -> m.put(k, List.of(v)));
        return m;
    }

    public record Response(int status, String body, Map<String, String> headers) {
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
        return new String[] {r.json().get("sessionId").asText(), r.json().get("token").asText()};
    }
}
