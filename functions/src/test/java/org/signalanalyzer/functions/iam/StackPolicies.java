package org.signalanalyzer.functions.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The functions of template.yaml as the SAM translator deploys them (sam_policies.py's output): each one's routes,
 * environment and inline policy statements, with the stack's resources replaced by the test's names.
 */
final class StackPolicies {

    record Route(String method, Pattern path, String template) {}

    record Statement(String effect, List<String> actions, List<String> resources, boolean conditioned) {
        boolean allows(String action, String resource) {
            return effect.equals("Allow")
                    && actions.stream().anyMatch(a -> matches(a, action))
                    && resources.stream().anyMatch(r -> matches(r, resource));
        }
    }

    record Function(
            String name,
            String handler,
            List<Route> routes,
            Map<String, String> environment,
            List<Statement> statements) {
        Set<String> grantedActions() {
            Set<String> all = new TreeSet<>();
            statements.forEach(s -> all.addAll(s.actions()));
            return all;
        }

        boolean allows(String action, String resource) {
            return statements.stream().anyMatch(s -> s.allows(action, resource));
        }
    }

    final Map<String, Function> functions = new LinkedHashMap<>();
    final JsonNode tables;

    StackPolicies(String json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        tables = root.get("tables");
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("functions").fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode f = e.getValue();
            List<Route> routes = new ArrayList<>();
            for (JsonNode r : f.get("routes")) {
                String template = r.get("path").asText();
                routes.add(new Route(
                        r.get("method").asText(),
                        Pattern.compile(
                                template.replaceAll("\\{[^}/]+}", "[^/]+").replace(".", "\\.")),
                        template));
            }
            Map<String, String> env = new LinkedHashMap<>();
            f.get("environment")
                    .fields()
                    .forEachRemaining(v -> env.put(v.getKey(), v.getValue().asText()));
            List<Statement> statements = new ArrayList<>();
            for (JsonNode policy : f.get("policies")) {
                JsonNode list = policy.get("Statement");
                for (JsonNode s : list.isArray() ? list : List.of(list)) {
                    statements.add(new Statement(
                            s.get("Effect").asText(),
                            strings(s.get("Action")),
                            strings(s.get("Resource")),
                            s.has("Condition")));
                }
            }
            functions.put(e.getKey(), new Function(e.getKey(), f.get("handler").asText(), routes, env, statements));
        }
    }

    /** The function whose API event serves this request, as API Gateway would route it. */
    Function serving(String method, String path) {
        Function found = null;
        for (Function f : functions.values()) {
            for (Route r : f.routes()) {
                if (r.method().equals(method) && r.path().matcher(path).matches()) {
                    if (found != null && found != f) throw new AssertionError(method + " " + path + " routes twice");
                    found = f;
                }
            }
        }
        if (found == null) throw new AssertionError("no function of template.yaml serves " + method + " " + path);
        return found;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) return out;
        if (node.isArray()) node.forEach(n -> out.add(n.asText()));
        else out.add(node.asText());
        return out;
    }

    /** IAM's wildcard match (* any run, ? one character), case-sensitive like resource ARNs. */
    static boolean matches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') regex.append(".*");
            else if (c == '?') regex.append('.');
            else regex.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
    }
}
