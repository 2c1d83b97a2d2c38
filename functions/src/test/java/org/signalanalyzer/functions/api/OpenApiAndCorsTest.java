package org.signalanalyzer.functions.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.LambdaTestContext;

/**
 * The generated OpenAPI document at its stable path, and CORS answers for the site's origin only (API Gateway
 * answers the preflight; the function adds the header to real answers). Events carry headers in both maps, as
 * API Gateway's payload v1 does.
 */
class OpenApiAndCorsTest {

    @Test
    void theOpenApiDocumentDescribesTheControllers() {
        var answer = ApiHarness.handler()
                .handleRequest(
                        new APIGatewayProxyRequestEvent()
                                .withHttpMethod("GET")
                                .withPath("/api/openapi.yml")
                                .withHeaders(Map.of("Accept", "*/*")),
                        new LambdaTestContext());
        assertEquals(200, answer.getStatusCode(), answer.getBody());
        var r = answer;
        for (String path : new String[] {
            "/api/sessions/{sessionId}/uploads:",
            "/api/sessions/{sessionId}/analyses:",
            "/api/sessions/{sessionId}/files/{fileId}/trace:",
            "/api/sessions/{sessionId}/jobs/{jobId}:"
        }) {
            assertTrue(r.getBody().contains(path), path + " is documented");
        }
    }

    @Test
    void theSitesOriginIsAllowedAndOthersAreNot() {
        var allowed = ApiHarness.handler()
                .handleRequest(
                        new APIGatewayProxyRequestEvent()
                                .withHttpMethod("GET")
                                .withPath("/api/openapi.yml")
                                .withHeaders(Map.of("Origin", ApiHarness.SITE_ORIGIN))
                                .withMultiValueHeaders(Map.of("Origin", List.of(ApiHarness.SITE_ORIGIN))),
                        new LambdaTestContext());
        assertEquals(
                ApiHarness.SITE_ORIGIN,
                allowed.getHeaders().get("Access-Control-Allow-Origin"),
                allowed.getHeaders() + " " + allowed.getMultiValueHeaders());
        var other = ApiHarness.handler()
                .handleRequest(
                        new APIGatewayProxyRequestEvent()
                                .withHttpMethod("GET")
                                .withPath("/api/openapi.yml")
                                .withHeaders(Map.of("Origin", "https://evil.example"))
                                .withMultiValueHeaders(Map.of("Origin", List.of("https://evil.example"))),
                        new LambdaTestContext());
        assertNull(other.getHeaders() == null ? null : other.getHeaders().get("Access-Control-Allow-Origin"));
    }

    @Test
    void withoutSiteOriginTheViteDevServerIsTheAllowedOrigin() {
        // ApiHarness sets SITE_ORIGIN for the JVM; this test needs it unset, and puts it back for the others.
        String harnessOrigin = System.clearProperty("SITE_ORIGIN");
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("micronaut.server.port", "-1"))
                .build()
                .start()) {
            assertEquals(
                    List.of("http://localhost:5173"),
                    context.getRequiredProperty(
                            "micronaut.server.cors.configurations.site.allowed-origins", List.class),
                    "the default origin is read whole, not cut at its colons");
        } finally {
            if (harnessOrigin != null) System.setProperty("SITE_ORIGIN", harnessOrigin);
        }
    }
}
