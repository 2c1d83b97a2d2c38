package org.signalanalyzer.functions.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI document that micronaut-openapi generated from the controllers at build time. */
@Controller("/api/openapi.yml")
@Hidden
public class OpenApiController {

    static final String RESOURCE = "META-INF/swagger/signal-analyzer-1.yml";

    @Get(produces = "application/yaml")
    public HttpResponse<String> document() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null)
                throw new IllegalStateException(RESOURCE + " is missing: the build did not run micronaut-openapi");
            return HttpResponse.ok(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
