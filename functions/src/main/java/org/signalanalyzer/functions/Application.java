package org.signalanalyzer.functions;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/**
 * The functions' application. On AWS Lambda the handlers start it; a {@code main} exists for a local Netty run
 * (the {@code local} module puts a server on the classpath; this jar deliberately has none).
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "signal-analyzer",
                        version = "1",
                        description =
                                "Patch-clamp recordings: sessions, presigned uploads, traces, filters, analyses, exports."))
public final class Application {

    private Application() {}

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
