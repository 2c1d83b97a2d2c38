package org.signalanalyzer.functions.limits;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;
import java.net.InetSocketAddress;

/**
 * Where a request comes from, as the platform saw it: on Lambda API Gateway's {@code requestContext.identity
 * .sourceIp}, locally the connection's remote address. Never X-Forwarded-For, which any client can write.
 */
public final class ClientAddress {

    static final String UNKNOWN = "unknown";

    private ClientAddress() {}

    public static String of(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayProxyRequestEvent event) {
            var context = event.getRequestContext();
            String ip = context == null || context.getIdentity() == null
                    ? null
                    : context.getIdentity().getSourceIp();
            return ip == null || ip.isBlank() ? UNKNOWN : ip;
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) return UNKNOWN;
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
