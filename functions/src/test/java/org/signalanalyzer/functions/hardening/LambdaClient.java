package org.signalanalyzer.functions.hardening;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.signalanalyzer.functions.ApiGatewayFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.LambdaTestContext;

/**
 * API Gateway events with any headers (Origin, forged Authorization) into a given handler: the shared
 * {@link ApiHarness} handler, or one of this package's own whose storage sits behind {@link StorageRelay}s.
 */
final class LambdaClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STORAGE_PROPERTIES = List.of("signal.storage.s3-endpoint",
            "signal.storage.dynamodb-endpoint");

    private final ApiGatewayFunction handler;

    LambdaClient(ApiGatewayFunction handler) {
        this.handler = handler;
    }

    static LambdaClient shared() {
        return new LambdaClient(ApiHarness.handler());
    }

    /**
     * A second warm container whose S3 and DynamoDB endpoints are the relays. The functions read their storage
     * settings from system properties when the context starts, so they are swapped only for that moment.
     */
    static synchronized LambdaClient behind(URI s3, URI dynamo) {
        ApiHarness.configureStorage();
        Map<String, String> before = new HashMap<>();
        for (String p : STORAGE_PROPERTIES) before.put(p, System.getProperty(p));
        try {
            System.setProperty("signal.storage.s3-endpoint", s3.toString());
            System.setProperty("signal.storage.dynamodb-endpoint", dynamo.toString());
            return new LambdaClient(new ApiGatewayFunction());
        } finally {
            before.forEach(System::setProperty);
        }
    }

    ApiHarness.Response call(String method, String path, String token, Object body) {
        Map<String, String> headers = new HashMap<>();
        if (token != null) headers.put("Authorization", "Bearer " + token);
        return call(method, path, headers, body);
    }

    ApiHarness.Response call(String method, String path, Map<String, String> extraHeaders, Object body) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.putIfAbsent("Accept", "application/json");
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withHttpMethod(method).withPath(path);
        if (body != null) {
            headers.put("Content-Type", "application/json");
            try {
                event.withBody(body instanceof String s ? s : JSON.writeValueAsString(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, List<String>> multi = new HashMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        event.withHeaders(headers).withMultiValueHeaders(multi);
        APIGatewayProxyResponseEvent answer = handler.handleRequest(event, new LambdaTestContext());
        Map<String, String> answerHeaders = new HashMap<>();
        if (answer.getHeaders() != null) answerHeaders.putAll(answer.getHeaders());
        if (answer.getMultiValueHeaders() != null) {
            answer.getMultiValueHeaders().forEach((k, v) -> answerHeaders.putIfAbsent(k, String.join(",", v)));
        }
        return new ApiHarness.Response(answer.getStatusCode(), answer.getBody() == null ? "" : answer.getBody(),
                answerHeaders);
    }

    /** Header lookup regardless of case (API Gateway and Micronaut differ). */
    static String header(ApiHarness.Response r, String name) {
        for (Map.Entry<String, String> e : r.headers().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }
}
