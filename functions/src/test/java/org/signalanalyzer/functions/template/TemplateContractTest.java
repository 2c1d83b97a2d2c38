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
import org.signalanalyzer.functions.limits.Limits;
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
        assertEquals("java25", globals.get("Runtime"));
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
        Map<String, Object> limitProperties = Limits.defaults().asProperties();
        for (String variable : env.keySet()) {
            if (variable.startsWith("SIGNAL_LIMITS_")) {
                // Micronaut maps SIGNAL_LIMITS_FILES_PER_SESSION to signal.limits.files-per-session itself.
                String property = "signal.limits." + variable.substring("SIGNAL_LIMITS_".length())
                        .toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                assertTrue(limitProperties.containsKey(property), variable + " sets a limit Limits reads: " + property);
                continue;
            }
            assertTrue(config.contains("${" + variable + ":"), variable + " is read by application.yml");
        }
        Map<String, Object> jobs = ofType("AWS::Serverless::Function").get("JobsFunction");
        for (String variable : map(map(jobs.get("Environment")).get("Variables")).keySet()) {
            assertTrue(config.contains("${" + variable + ":"), variable + " is read by application.yml");
        }
    }

    // Limits and cost (issue 18): every resource that caps the bill, and the parameters that set them.

    private static Map<String, Object> parameter(String name) {
        Map<String, Object> p = map(map(template.get("Parameters")).get(name));
        assertNotNull(p, "parameter " + name);
        return p;
    }

    private static Map<String, Object> resource(String name) {
        Map<String, Object> r = resources.get(name);
        assertNotNull(r, "resource " + name);
        return r;
    }

    private static Map<String, Object> conditions() {
        return map(template.get("Conditions"));
    }

    @Test
    void theApiStageIsThrottledByParameters() {
        Map<String, Object> api = ofType("AWS::Serverless::Api").values().iterator().next();
        Map<String, Object> all = map(((List<?>) api.get("MethodSettings")).get(0));
        assertEquals("/*", all.get("ResourcePath"));
        assertEquals("*", all.get("HttpMethod"));
        assertEquals(Map.of("Ref", "ApiRateLimit"), all.get("ThrottlingRateLimit"));
        assertEquals(Map.of("Ref", "ApiBurstLimit"), all.get("ThrottlingBurstLimit"));
        assertEquals(20, parameter("ApiRateLimit").get("Default"));
        assertEquals(40, parameter("ApiBurstLimit").get("Default"));
    }

    @Test
    void everyFunctionHasAConcurrencyCapThatANewAccountCanSwitchOff() {
        int reservedByDefault = 0;
        for (var f : ofType("AWS::Serverless::Function").entrySet()) {
            Object cap = f.getValue().get("ReservedConcurrentExecutions");
            assertNotNull(cap, f.getKey() + " caps its concurrency");
            List<?> choice = (List<?>) map(cap).get("Fn::If");
            assertNotNull(choice, f.getKey() + ": the reservation is conditional, so 0 deploys without one");
            assertTrue(conditions().containsKey(choice.get(0)), "condition " + choice.get(0));
            assertEquals(Map.of("Ref", "AWS::NoValue"), choice.get(2), f.getKey());
            Object value = choice.get(1);
            reservedByDefault += value instanceof Integer n ? n
                    : (Integer) parameter((String) map(value).get("Ref")).get("Default");
        }
        assertEquals(0, parameter("ReservedConcurrency").get("MinValue"), "0 must be allowed: no reservation");
        // Lambda keeps 100 of an account's (default 1,000) concurrency unreserved.
        assertTrue(reservedByDefault <= 100, "the default reservations fit a standard account: " + reservedByDefault);
    }

    @Test
    void everyFunctionLogsToAGroupWithARetention() {
        assertEquals(14, parameter("LogRetentionDays").get("Default"));
        for (var f : ofType("AWS::Serverless::Function").entrySet()) {
            Object group = map(f.getValue().get("LoggingConfig")).get("LogGroup");
            String name = (String) map(group).get("Ref");
            assertNotNull(name, f.getKey() + " names its log group");
            Map<String, Object> logGroup = resource(name);
            assertEquals("AWS::Logs::LogGroup", logGroup.get("Type"));
            Map<String, Object> props = map(logGroup.get("Properties"));
            assertEquals(Map.of("Ref", "LogRetentionDays"), props.get("RetentionInDays"), name);
            assertTrue(map(props.get("LogGroupName")).get("Fn::Sub").toString().startsWith("/aws/lambda/"), name);
        }
    }

    @Test
    void alarmsWatchTheApis5xxAndEveryFunctionsErrorsAndThrottles() {
        Set<String> functionRefs = ofType("AWS::Serverless::Function").keySet();
        Map<String, Object> api5xx = map(resource("Api5xxAlarm").get("Properties"));
        assertEquals("AWS/ApiGateway", api5xx.get("Namespace"));
        assertEquals("5XXError", api5xx.get("MetricName"));
        Map<String, Object> apiProps = ofType("AWS::Serverless::Api").values().iterator().next();
        assertTrue(((List<?>) api5xx.get("Dimensions")).contains(Map.of("Name", "ApiName", "Value", apiProps.get("Name"))),
                "the alarm watches this stack's API by its name");
        for (String alarm : List.of("FunctionErrorsAlarm", "FunctionThrottlesAlarm")) {
            Map<String, Object> props = map(resource(alarm).get("Properties"));
            Set<String> watched = new TreeSet<>();
            for (Object m : (List<?>) props.get("Metrics")) {
                Map<String, Object> metric = map(m);
                if (metric.get("MetricStat") == null) continue;
                Map<String, Object> stat = map(map(metric.get("MetricStat")).get("Metric"));
                assertEquals("AWS/Lambda", stat.get("Namespace"));
                assertEquals(alarm.contains("Errors") ? "Errors" : "Throttles", stat.get("MetricName"));
                watched.add((String) map(map(((List<?>) stat.get("Dimensions")).get(0)).get("Value")).get("Ref"));
            }
            assertEquals(new TreeSet<>(functionRefs), watched, alarm + " sums every function");
        }
        for (String alarm : List.of("Api5xxAlarm", "FunctionErrorsAlarm", "FunctionThrottlesAlarm")) {
            List<?> actions = (List<?>) map(map(resource(alarm).get("Properties")).get("AlarmActions")).get("Fn::If");
            assertEquals("HasAlertEmail", actions.get(0), alarm + " notifies only when an address is given");
            assertEquals(List.of(Map.of("Ref", "AlarmTopic")), actions.get(1));
        }
    }

    @Test
    void theOptionalEmailGetsAlarmsAndTheMonthlyBudget() {
        assertEquals("", parameter("AlertEmail").get("Default"));
        Map<String, Object> topic = resource("AlarmTopic");
        assertEquals("AWS::SNS::Topic", topic.get("Type"));
        assertEquals("HasAlertEmail", topic.get("Condition"));
        Map<String, Object> subscription = map(((List<?>) map(topic.get("Properties")).get("Subscription")).get(0));
        assertEquals("email", subscription.get("Protocol"));
        assertEquals(Map.of("Ref", "AlertEmail"), subscription.get("Endpoint"));

        Map<String, Object> budget = resource("MonthlyBudget");
        assertEquals("AWS::Budgets::Budget", budget.get("Type"));
        Map<String, Object> b = map(map(budget.get("Properties")).get("Budget"));
        assertEquals("MONTHLY", b.get("TimeUnit"));
        assertEquals("COST", b.get("BudgetType"));
        assertEquals(Map.of("Amount", Map.of("Ref", "MonthlyBudgetUsd"), "Unit", "USD"), b.get("BudgetLimit"));
        assertEquals(30, parameter("MonthlyBudgetUsd").get("Default"), "the lab's web plan budgets about $30 a month");
        List<?> notifications = (List<?>) map(map(budget.get("Properties")).get("NotificationsWithSubscribers"))
                .get("Fn::If");
        assertEquals("HasAlertEmail", notifications.get(0));
        assertFalse(((List<?>) notifications.get(1)).isEmpty());
    }

    @Test
    void theAccessCodeIsASecretParameterThatReachesTheFunctions() throws Exception {
        Map<String, Object> code = parameter("AccessCode");
        assertEquals(true, code.get("NoEcho"), "CloudFormation never shows the code");
        assertEquals("", code.get("Default"), "empty keeps the API open, as before");
        Map<String, Object> env = map(map(map(map(template.get("Globals")).get("Function")).get("Environment"))
                .get("Variables"));
        assertEquals(Map.of("Ref", "AccessCode"), env.get("ACCESS_CODE"));
        assertTrue(Files.readString(Path.of("src/main/resources/application.yml")).contains("${ACCESS_CODE:}"));
    }

    @Test
    void theLimitParametersDefaultToTheFunctionsDefaults() {
        Map<String, Object> env = map(map(map(map(template.get("Globals")).get("Function")).get("Environment"))
                .get("Variables"));
        Map<String, Object> defaults = Limits.defaults().asProperties();
        int limits = 0;
        for (var e : env.entrySet()) {
            if (!e.getKey().startsWith("SIGNAL_LIMITS_")) continue;
            limits++;
            String property = "signal.limits." + e.getKey().substring("SIGNAL_LIMITS_".length())
                    .toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            Object parameterDefault = parameter((String) map(e.getValue()).get("Ref")).get("Default");
            assertEquals(((Number) defaults.get(property)).longValue(), ((Number) parameterDefault).longValue(),
                    e.getKey() + " defaults to Limits' own default");
        }
        assertEquals(defaults.size(), limits, "every limit can be set from the template");
    }

    @Test
    void theWafRateRuleIsOptIn() {
        assertEquals("false", parameter("EnableWafRateRule").get("Default"), "a web ACL has a fixed monthly fee");
        assertEquals("UseWafRateRule", resource("WafRateAcl").get("Condition"));
        assertEquals("UseWafRateRule", resource("WafRateAclAssociation").get("Condition"));
        Map<String, Object> rule = map(((List<?>) map(resource("WafRateAcl").get("Properties")).get("Rules")).get(0));
        assertEquals("IP", map(map(rule.get("Statement")).get("RateBasedStatement")).get("AggregateKeyType"));
    }
}
