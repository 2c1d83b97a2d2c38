package org.signalanalyzer.functions.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.functions.ApiGatewayFunction;
import org.signalanalyzer.functions.support.LambdaTestContext;

/**
 * The Lambda runtime started against storage that does not answer → 503 with Retry-After and the API's error shape,
 * never a 500 or a hang.
 */
class LambdaUnreachableStorageTest {

    @Test
    void anUnreachableStoreAnswers503WithRetryAfter() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String dead = "http://127.0.0.1:" + closedPort;
        try (ApplicationContext ctx = ApplicationContext.builder()
                .environments("function", "lambda")
                .properties(Map.of(
                        "signal.storage.s3-endpoint",
                        dead,
                        "signal.storage.dynamodb-endpoint",
                        dead,
                        "signal.storage.bucket",
                        "b",
                        "signal.storage.table",
                        "t",
                        "signal.storage.region",
                        "us-east-1",
                        "signal.storage.access-key",
                        "k",
                        "signal.storage.secret-key",
                        "s"))
                .start()) {
            var handler = new ApiGatewayFunction(ctx);
            var answer = handler.handleRequest(
                    new APIGatewayProxyRequestEvent()
                            .withHttpMethod("POST")
                            .withPath("/api/sessions")
                            .withHeaders(Map.of("Accept", "application/json")),
                    new LambdaTestContext());
            assertEquals(503, answer.getStatusCode(), answer.getBody());
            assertEquals("5", answer.getHeaders().get("Retry-After"));
            assertEquals(
                    "storage_unavailable",
                    new ObjectMapper().readTree(answer.getBody()).get("error").asText());
        }
    }
}
