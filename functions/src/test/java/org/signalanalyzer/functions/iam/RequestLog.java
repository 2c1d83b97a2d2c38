package org.signalanalyzer.functions.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which IAM action each recorded moto request needed, per access key: what each function's flow really used, to
 * set beside what its policy grants.
 */
final class RequestLog {

    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/");

    private RequestLog() {}

    static Map<String, Set<String>> actionsByAccessKey(List<String> lines) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<String>> used = new TreeMap<>();
        for (String line : lines) {
            if (line.isBlank()) continue;
            JsonNode entry = json.readTree(line);
            String authorization = header(entry, "Authorization");
            if (authorization == null) continue;
            Matcher m = CREDENTIAL.matcher(authorization);
            if (!m.find()) continue;
            String action = action(entry, authorization);
            if (action != null)
                used.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(action);
        }
        return used;
    }

    private static String action(JsonNode entry, String authorization) {
        String method = entry.get("method").asText();
        if (authorization.contains("/dynamodb/")) {
            String target = header(entry, "X-Amz-Target");
            return target == null ? null : "dynamodb:" + target.substring(target.indexOf('.') + 1);
        }
        if (!authorization.contains("/s3/")) return null;
        URI uri = URI.create(entry.get("url").asText());
        String path = uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        boolean bucketOnly = path.replaceAll("^/+|/+$", "").indexOf('/') < 0;
        if (bucketOnly) {
            if (method.equals("POST") && query.contains("delete")) return "s3:DeleteObject";
            if (method.equals("GET")) return "s3:ListBucket";
            return "s3:" + method + "Bucket?";
        }
        return switch (method) {
            case "GET", "HEAD" -> "s3:GetObject";
            case "PUT" -> "s3:PutObject";
            case "DELETE" -> "s3:DeleteObject";
            default -> "s3:" + method + "Object?";
        };
    }

    private static String header(JsonNode entry, String name) {
        for (var it = entry.get("headers").fields(); it.hasNext(); ) {
            var h = it.next();
            if (h.getKey().equalsIgnoreCase(name)) return h.getValue().asText();
        }
        return null;
    }
}
