package org.signalanalyzer.functions.template;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.functions.store.DynamoSessionStore;
import org.signalanalyzer.functions.support.ApiHarness;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import io.micronaut.web.router.Router;

/**
 * template.yaml against the code (no cfn-lint on this machine kind, stack.md §7): handlers exist, the template's
 * routes and the controllers' routes are the same set, the TTL attribute is the one the store writes, CORS lets
 * the site's origin PUT to the bucket, the cleanup runs hourly, CodeUri is the jar the pom builds.
 */
class TemplateContractTest {

    private static Map<String, Object> template;
    private static Map<String, Map<String, Object>> resources;

    /** CloudFormation's short tags (!Ref, !Sub, !GetAtt) become {"Ref": value} style maps. */
    static final class CfnConstructor extends SafeConstructor {
        CfnConstructor() {
            super(new LoaderOptions());
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue().substring(1);
                    String key = tag.equals("Ref") ? "Ref" : "Fn::" + tag;
                    Object value = node instanceof ScalarNode s ? s.getValue()
                            : node instanceof SequenceNode q ? constructSequence(q) : constructMapping(
                                    (org.yaml.snakeyaml.nodes.MappingNode) node);
                    return Map.of(key, value);
                }
            });
        }
    }

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws Exception {
        template = new Yaml(new CfnConstructor()).load(Files.readString(Path.of("..", "template.yaml")));
        resources = (Map<String, Map<String, Object>>) (Map<String, ?>) template.get("Resources");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Map<String, Object>> ofType(String type) {
        return resources.entrySet().stream().filter(e -> type.equals(e.getValue().get("Type")))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> map(e.getValue().get("Properties"))));
    }

    @Test
    void everyFunctionNamesAHandlerClassThatExistsAndRunsJava17WithSnapStart() throws Exception {
        assertEquals("AWS::Serverless-2016-10-31", template.get("Transform"));
        Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));
        assertEquals("java17", globals.get("Runtime"));
        assertEquals("PublishedVersions", map(globals.get("SnapStart")).get("ApplyOn"));
        assertNotNull(globals.get("AutoPublishAlias"), "SnapStart needs published versions");
        assertEquals("functions/target/functions-lambda.jar", globals.get("CodeUri"));
        assertTrue(Files.readString(Path.of("pom.xml")).contains("${project.build.directory}/functions-lambda.jar"),
                "CodeUri is the jar the shade plugin writes");
        Map<String, Map<String, Object>> functions = ofType("AWS::Serverless::Function");
        assertTrue(functions.size() >= 10, "one function per endpoint group, the job worker and the cleanup");
        for (var f : functions.entrySet()) {
            String handler = (String) f.getValue().get("Handler");
            assertNotNull(handler, f.getKey());
            String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
            assertDoesNotThrow(() -> Class.forName(className), f.getKey() + " handler " + className);
            assertNotNull(f.getValue().get("MemorySize"), f.getKey() + " sets its memory");
            assertNotNull(f.getValue().get("Policies"), f.getKey() + " has its own least-privilege policy");
        }
    }

    @Test
    void theTemplatesRoutesAreExactlyTheControllersRoutes() {
        Set<String> templateRoutes = new TreeSet<>();
        for (Map<String, Object> f : ofType("AWS::Serverless::Function").values()) {
            Object events = f.get("Events");
            if (events == null) continue;
            for (Object e : map(events).values()) {
                Map<String, Object> event = map(e);
                if (!"Api".equals(event.get("Type"))) continue;
                Map<String, Object> p = map(event.get("Properties"));
                assertEquals(Map.of("Ref", "Api"), p.get("RestApiId"), "every route is on the one REST API");
                assertTrue(templateRoutes.add(p.get("Method").toString().toUpperCase() + " " + p.get("Path")),
                        "route declared twice: " + p);
            }
        }
        Router router = ApiHarness.handler().getApplicationContext().getBean(Router.class);
        Set<String> served = new TreeSet<>();
        // Micronaut adds a HEAD twin to every GET by itself; the API declares only what the browser calls.
        router.uriRoutes().filter(r -> !r.getHttpMethodName().equals("HEAD")).forEach(r -> served.add(r.getHttpMethodName() + " "
                + r.getUriMatchTemplate().toString().replaceAll("\\{\\?[^}]*}", "").replaceAll("/$", "")));
        assertEquals(served, templateRoutes);
    }

    @Test
    void theTableExpiresTheAttributeTheStoreWritesAndIsOnDemand() {
        Map<String, Object> table = ofType("AWS::DynamoDB::Table").values().iterator().next();
        assertEquals("PAY_PER_REQUEST", table.get("BillingMode"));
        Map<String, Object> ttl = map(table.get("TimeToLiveSpecification"));
        assertEquals(DynamoSessionStore.EXPIRES_AT, ttl.get("AttributeName"));
        assertEquals(true, ttl.get("Enabled"));
        List<String> keys = new ArrayList<>();
        for (Object k : (List<?>) table.get("KeySchema")) keys.add((String) map(k).get("AttributeName"));
        assertEquals(List.of("pk", "sk"), keys, "the keys DynamoSessionStore uses");
    }

    @Test
    void theBucketIsPrivateAndLetsTheSitePutAndGetWithPresignedUrls() {
        Map<String, Object> bucket = ofType("AWS::S3::Bucket").values().iterator().next();
        Map<String, Object> block = map(bucket.get("PublicAccessBlockConfiguration"));
        for (String k : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertEquals(true, block.get(k), k);
        }
        Map<String, Object> rule = map(((List<?>) map(bucket.get("CorsConfiguration")).get("CorsRules")).get(0));
        assertEquals(List.of(Map.of("Ref", "SiteOrigin")), rule.get("AllowedOrigins"));
        assertTrue(((List<?>) rule.get("AllowedMethods")).containsAll(List.of("PUT", "GET")));
        assertEquals(List.of("*"), rule.get("AllowedHeaders"), "Content-Type is sent with the signed PUT");
        Map<String, Object> lifecycle = map(((List<?>) map(bucket.get("LifecycleConfiguration")).get("Rules")).get(0));
        assertEquals("sessions/", lifecycle.get("Prefix"));
        assertNotNull(lifecycle.get("ExpirationInDays"), "a backstop for objects the cleanup missed");

        Map<String, Object> api = ofType("AWS::Serverless::Api").values().iterator().next();
        assertEquals(Map.of("Fn::Sub", "'${SiteOrigin}'"), map(api.get("Cors")).get("AllowOrigin"));
        assertNotNull(api.get("MinimumCompressionSize"), "API Gateway gzips answers for clients that accept it");
    }

    @Test
    void theCleanupRunsHourlyAndTheEnvironmentFeedsTheConfiguration() throws Exception {
        Map<String, Object> cleanup = ofType("AWS::Serverless::Function").get("CleanupFunction");
        Map<String, Object> hourly = map(map(cleanup.get("Events")).get("Hourly"));
        assertEquals("Schedule", hourly.get("Type"));
        assertEquals("rate(1 hour)", map(hourly.get("Properties")).get("Schedule"));
        String config = Files.readString(Path.of("src/main/resources/application.yml"));
        Map<String, Object> env = map(map(map(map(template.get("Globals")).get("Function")).get("Environment"))
                .get("Variables"));
        for (String variable : env.keySet()) {
            // The JVM reads its own options (tiered compilation for a faster cold start: bench/README.md).
            if (variable.equals("JAVA_TOOL_OPTIONS")) continue;
            assertTrue(config.contains("${" + variable + ":"), variable + " is read by application.yml");
        }
        Map<String, Object> jobs = ofType("AWS::Serverless::Function").get("JobsFunction");
        for (String variable : map(map(jobs.get("Environment")).get("Variables")).keySet()) {
            assertTrue(config.contains("${" + variable + ":"), variable + " is read by application.yml");
        }
    }
}
