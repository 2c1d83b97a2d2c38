package org.signalanalyzer.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;
import io.micronaut.http.CaseInsensitiveMutableHttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's Lambda entry point (template.yaml's Handler): Micronaut's API Gateway (REST, payload v1) function, with
 * the event made safe for Micronaut's request adaptation first. API Gateway hands the path over decoded and the
 * headers as sent, and Micronaut turns both into a {@link java.net.URI} and validated headers before any filter,
 * route or error handler runs: a space, backslash or NUL in the path, or a control character in a header, made
 * the handler throw (a 502 from API Gateway, or a 500 without a body). So characters a URI path cannot hold are
 * percent-encoded (the route then decodes them into an id no session has: 404), and a header whose value Micronaut
 * refuses is dropped, as if it was never sent (a malformed token is just a missing one: 403).
 */
public class ApiGatewayFunction extends ApiGatewayProxyRequestEventFunction {

    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayFunction.class);
    /** The characters RFC 3986 allows unescaped in a path ("pchar" and "/"); '%' is judged separately. */
    private static final String PATH_SAFE =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/";

    public ApiGatewayFunction() {
        super();
    }

    public ApiGatewayFunction(ApplicationContext context) {
        super(context);
    }

    /**
     * Micronaut's Lambda builder creates every singleton at init (AWS SDK clients included), which a SnapStart
     * snapshot keeps and provisioned concurrency pays before any request. An on-demand start, and a plain JVM,
     * would pay it on the first request's clock: there only what a request needs is built, when it needs it
     * (functions/bench/cold-start.sh).
     */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        if (initRunsAheadOfRequests(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            return super.newApplicationContextBuilder();
        }
        // Micronaut's Lambda builder (LambdaApplicationContextBuilder) without its eager singletons, which
        // eagerInitSingletons(false) cannot take back once set.
        return ApplicationContext.builder()
                .environments(Environment.FUNCTION, "lambda")
                .eagerInitConfiguration(true);
    }

    /** Lambda's AWS_LAMBDA_INITIALIZATION_TYPE: "on-demand", "provisioned-concurrency" or "snap-start". */
    static boolean initRunsAheadOfRequests(String initializationType) {
        return "snap-start".equals(initializationType) || "provisioned-concurrency".equals(initializationType);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        if (event.getPath() != null) event.setPath(uriSafePath(event.getPath()));
        Set<String> dropped = new TreeSet<>();
        event.setHeaders(acceptedHeaders(event.getHeaders(), dropped));
        event.setMultiValueHeaders(acceptedMultiValueHeaders(event.getMultiValueHeaders(), dropped));
        // Not Micronaut's refusal text: it quotes the name, which may hold the very control characters.
        if (!dropped.isEmpty())
            LOG.warn("dropped request headers holding characters HTTP headers may not: {}", dropped);
        return super.handleRequest(event, context);
    }

    /**
     * The path with every character a URI path may not hold percent-encoded (as UTF-8). Escapes already present
     * are kept, so a path that parsed before means the same now; a '%' that starts no escape is encoded itself.
     */
    static String uriSafePath(String path) {
        StringBuilder out = null;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean keep = PATH_SAFE.indexOf(c) >= 0
                    || c == '%' && i + 2 < path.length() && isHex(path.charAt(i + 1)) && isHex(path.charAt(i + 2));
            if (keep) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) out = new StringBuilder(path.length() + 16).append(path, 0, i);
            int end = Character.isHighSurrogate(c)
                            && i + 1 < path.length()
                            && Character.isLowSurrogate(path.charAt(i + 1))
                    ? i + 2
                    : i + 1;
            for (byte b : path.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
            i = end - 1;
        }
        return out == null ? path : out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }

    private static Map<String, String> acceptedHeaders(Map<String, String> headers, Set<String> dropped) {
        if (headers == null) return null;
        Map<String, String> accepted = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (acceptable(name, value == null ? List.of() : List.of(value))) accepted.put(name, value);
            else dropped.add(sanitizedName(name));
        });
        return accepted;
    }

    private static Map<String, List<String>> acceptedMultiValueHeaders(
            Map<String, List<String>> headers, Set<String> dropped) {
        if (headers == null) return null;
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (acceptable(name, values == null ? List.of() : values)) accepted.put(name, values);
            else dropped.add(sanitizedName(name));
        });
        return accepted;
    }

    /** Judged by Micronaut's own header validation, so exactly what it would refuse is dropped. */
    private static boolean acceptable(String name, List<String> values) {
        try {
            new CaseInsensitiveMutableHttpHeaders(
                    true,
                    Map.of(name, values.stream().map(v -> v == null ? "" : v).toList()),
                    ConversionService.SHARED);
            return true;
        } catch (IllegalArgumentException | NullPointerException refused) {
            return false;
        }
    }

    /** The header's name for the log, without the control characters that made it unacceptable. */
    private static String sanitizedName(String name) {
        return name == null ? "null" : name.replaceAll("\\p{Cntrl}", "?");
    }
}
