package org.signalanalyzer.functions.iam;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the Lambda service's Invoke API on loopback: answers 202 (an accepted Event invocation) and keeps
 * who signed it, which function it named and the payload, so the test can check the signer's policy allows the
 * invoke and run the worker with that very payload. moto 5.2 cannot play this part under IAM: it authorizes an
 * invoke as "lambda:Invoke" (not lambda:InvokeFunction) and miscomputes the signature of an ARN-named function.
 */
final class LambdaInvokeRecorder implements AutoCloseable {

    record Invocation(String functionName, String invocationType, String authorization, byte[] payload) {}

    private final HttpServer server;
    final List<Invocation> invocations = new CopyOnWriteArrayList<>();

    LambdaInvokeRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            // POST /2015-03-31/functions/{FunctionName}/invocations
            String[] parts = path.split("/");
            if (!exchange.getRequestMethod().equals("POST") || parts.length != 5 || !parts[4].equals("invocations")) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            invocations.add(new Invocation(
                    URLDecoder.decode(parts[3], StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    body));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
