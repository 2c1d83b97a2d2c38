package org.signalanalyzer.functions.template;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.web.router.Router;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
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
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * template.yaml against the code (cfn-lint checks the template against CloudFormation; this checks it against
 * the code and AWS's behaviour): handlers exist, the template's routes and the controllers' routes are the same
 * set, TTL acts on the attribute the store writes for it, CORS lets the site's origin PUT to the bucket, the
 * cleanup runs hourly, CodeUri is the jar the pom builds, API functions answer within API Gateway's 29 s, API
 * Gateway's own answers have the API's error shape, readers may list the bucket (404, not 403, for a missing
 * key), the Rules keep the lifecycle backstop longer than a session plus its TTL grace, the job worker is not
 * retried and its failures reach JobFailureFunction.
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
                    Object value = node instanceof ScalarNode s
                            ? s.getValue()
                            : node instanceof SequenceNode q
                                    ? constructSequence(q)
                                    : constructMapping((MappingNode) node);
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
        return resources.entrySet().stream()
                .filter(e -> type.equals(e.getValue().get("Type")))
                .collect(Collectors.toMap(
                        Map.Entry::getKey, e -> map(e.getValue().get("Properties"))));
    }

    @Test
    void everyFunctionNamesAHandlerClassThatExistsAndRunsJava25WithSnapStart() throws Exception {
        assertEquals("AWS::Serverless-2016-10-31", template.get("Transform"));
        Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));
        assertEquals("java25", globals.get("Runtime"));
        assertEquals("PublishedVersions", map(globals.get("SnapStart")).get("ApplyOn"));
        assertNotNull(globals.get("AutoPublishAlias"), "SnapStart needs published versions");
        assertEquals("functions/target/functions-lambda.jar", globals.get("CodeUri"));
        assertTrue(
                Files.readString(Path.of("pom.xml")).contains("${project.build.directory}/functions-lambda.jar"),
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
                assertTrue(
                        templateRoutes.add(p.get("Method").toString().toUpperCase() + " " + p.get("Path")),
                        "route declared twice: " + p);
            }
        }
        Router router = ApiHarness.handler().getApplicationContext().getBean(Router.class);
        Set<String> served = new TreeSet<>();
        // Micronaut adds a HEAD twin to every GET by itself; the API declares only what the browser calls.
        router.uriRoutes()
                .filter(r -> !r.getHttpMethodName().equals("HEAD"))
                .forEach(r -> served.add(r.getHttpMethodName() + " "
                        + r.getUriMatchTemplate()
                                .toString()
                                .replaceAll("\\{\\?[^}]*}", "")
                                .replaceAll("/$", "")));
        assertEquals(served, templateRoutes);
    }

    @Test
    void theTableExpiresTheAttributeTheStoreWritesAndIsOnDemand() {
        Map<String, Object> table =
                ofType("AWS::DynamoDB::Table").values().iterator().next();
        assertEquals("PAY_PER_REQUEST", table.get("BillingMode"));
        Map<String, Object> ttl = map(table.get("TimeToLiveSpecification"));
        assertEquals(
                DynamoSessionStore.PURGE_AT,
                ttl.get("AttributeName"),
                "TTL acts on purgeAt (expiry + grace), never on the expiry the cleanup looks for");
        assertEquals(true, ttl.get("Enabled"));
        List<String> keys = new ArrayList<>();
        for (Object k : (List<?>) table.get("KeySchema")) keys.add((String) map(k).get("AttributeName"));
        assertEquals(List.of("pk", "sk"), keys, "the keys DynamoSessionStore uses");
    }

    @Test
    void theBucketIsPrivateAndLetsTheSitePutAndGetWithPresignedUrls() {
        Map<String, Object> bucket =
                ofType("AWS::S3::Bucket").values().iterator().next();
        Map<String, Object> block = map(bucket.get("PublicAccessBlockConfiguration"));
        for (String k : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertEquals(true, block.get(k), k);
        }
        Map<String, Object> rule =
                map(((List<?>) map(bucket.get("CorsConfiguration")).get("CorsRules")).get(0));
        assertEquals(List.of(Map.of("Ref", "SiteOrigin")), rule.get("AllowedOrigins"));
        assertTrue(((List<?>) rule.get("AllowedMethods")).containsAll(List.of("PUT", "GET")));
        assertEquals(List.of("*"), rule.get("AllowedHeaders"), "Content-Type is sent with the signed PUT");
        Map<String, Object> lifecycle =
                map(((List<?>) map(bucket.get("LifecycleConfiguration")).get("Rules")).get(0));
        assertEquals("sessions/", lifecycle.get("Prefix"));
        assertNotNull(lifecycle.get("ExpirationInDays"), "a backstop for objects the cleanup missed");

        Map<String, Object> api =
                ofType("AWS::Serverless::Api").values().iterator().next();
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
        Map<String, Object> env =
                map(map(map(map(template.get("Globals")).get("Function")).get("Environment"))
                        .get("Variables"));
        Map<String, Object> limitProperties = Limits.defaults().asProperties();
        for (String variable : env.keySet()) {
            if (variable.startsWith("SIGNAL_LIMITS_")) {
                // Micronaut maps SIGNAL_LIMITS_FILES_PER_SESSION to signal.limits.files-per-session itself.
                String property = "signal.limits."
                        + variable.substring("SIGNAL_LIMITS_".length())
                                .toLowerCase(Locale.ROOT)
                                .replace('_', '-');
                assertTrue(limitProperties.containsKey(property), variable + " sets a limit Limits reads: " + property);
                continue;
            }
            // The JVM reads its own options (tiered compilation for a faster cold start: bench/README.md).
            if (variable.equals("JAVA_TOOL_OPTIONS")) continue;
            assertTrue(config.contains("${" + variable + ":"), variable + " is read by application.yml");
        }
        Map<String, Object> jobs = ofType("AWS::Serverless::Function").get("JobsFunction");
        for (String variable :
                map(map(jobs.get("Environment")).get("Variables")).keySet()) {
            assertTrue(config.contains("${" + variable + ":"), variable + " is read by application.yml");
        }
    }

    private static Map<String, Object> globalEnvironment() {
        return map(map(map(map(template.get("Globals")).get("Function")).get("Environment"))
                .get("Variables"));
    }

    private static boolean hasApiEvent(Map<String, Object> function) {
        Object events = function.get("Events");
        return events != null && map(events).values().stream().anyMatch(e -> "Api".equals(map(e).get("Type")));
    }

    private static List<Map<String, Object>> statements(Map<String, Object> function) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Object policy : (List<?>) function.get("Policies")) {
            for (Object s : (List<?>) map(policy).get("Statement")) all.add(map(s));
        }
        return all;
    }

    private static List<?> actions(Map<String, Object> statement) {
        Object a = statement.get("Action");
        return a instanceof List<?> l ? l : List.of(a);
    }

    @Test
    void everyApiFunctionAnswersBeforeApiGatewayGivesUp() {
        Object global = map(map(template.get("Globals")).get("Function")).get("Timeout");
        int checked = 0;
        for (var f : ofType("AWS::Serverless::Function").entrySet()) {
            if (!hasApiEvent(f.getValue())) continue;
            Object own = f.getValue().get("Timeout");
            int timeout = ((Number) (own != null ? own : global)).intValue();
            assertTrue(timeout <= 28, f.getKey() + " may run " + timeout + " s, past API Gateway's 29 s");
            checked++;
        }
        assertTrue(checked >= 8, "every endpoint group was checked");
    }

    @Test
    void apiGatewaysOwnAnswersUseTheApisErrorShapeAndCors() throws Exception {
        Map<String, Object> api =
                ofType("AWS::Serverless::Api").values().iterator().next();
        Map<String, Object> responses = map(api.get("GatewayResponses"));
        Map<String, Object> missing = map(responses.get("MISSING_AUTHENTICATION_TOKEN"));
        assertEquals("404", missing.get("StatusCode").toString(), "an unknown route is a 404, as documented");
        var json = new ObjectMapper();
        var body = json.readTree((String) map(missing.get("ResponseTemplates")).get("application/json"));
        assertEquals("not_found", body.get("error").asText());
        assertFalse(body.get("message").asText().isBlank());
        for (String type : List.of("MISSING_AUTHENTICATION_TOKEN", "DEFAULT_4XX", "DEFAULT_5XX")) {
            Map<String, Object> r = map(responses.get(type));
            assertNotNull(r, type);
            String template = (String) map(r.get("ResponseTemplates")).get("application/json");
            // $context.error.messageString is API Gateway's message as a quoted JSON string.
            var shaped = json.readTree(template.replace("$context.error.messageString", "\"Forbidden\""));
            assertTrue(shaped.get("error").isTextual() && shaped.get("message").isTextual(), type + ": " + template);
            assertEquals(
                    Map.of("Fn::Sub", "'${SiteOrigin}'"),
                    map(map(r.get("ResponseParameters")).get("Headers")).get("Access-Control-Allow-Origin"),
                    type + " is readable by the site");
        }
    }

    @Test
    void theSiteOriginMustBeGivenAndBeAnHttpsOrigin() {
        Map<String, Object> origin = map(map(template.get("Parameters")).get("SiteOrigin"));
        assertNull(origin.get("Default"), "no guessed origin for CORS to allow");
        Pattern pattern = Pattern.compile((String) origin.get("AllowedPattern"));
        for (String ok : List.of("https://signals.example.org", "https://my-lab.herokuapp.com", "https://x.io:8443")) {
            assertTrue(pattern.matcher(ok).matches(), ok);
        }
        for (String bad : List.of(
                "http://signals.example.org",
                "https://signals.example.org/",
                "https://a.org/app",
                "*",
                "https://*.example.org",
                "",
                "https://a.org, https://b.org")) {
            assertFalse(pattern.matcher(bad).matches(), bad);
        }
    }

    @Test
    void theBucketIgnoresAclsSoNoUploadCanMakeItselfPublic() {
        Map<String, Object> bucket =
                ofType("AWS::S3::Bucket").values().iterator().next();
        Map<String, Object> rule =
                map(((List<?>) map(bucket.get("OwnershipControls")).get("Rules")).get(0));
        assertEquals("BucketOwnerEnforced", rule.get("ObjectOwnership"));
    }

    @Test
    void everyFunctionThatReadsObjectsMayListTheBucketWithoutCondition() {
        int readers = 0;
        for (var f : ofType("AWS::Serverless::Function").entrySet()) {
            List<Map<String, Object>> statements = statements(f.getValue());
            if (statements.stream().noneMatch(s -> actions(s).contains("s3:GetObject"))) continue;
            readers++;
            assertTrue(
                    statements.stream()
                            .anyMatch(s -> actions(s).contains("s3:ListBucket")
                                    && Map.of("Fn::GetAtt", "DataBucket.Arn").equals(s.get("Resource"))
                                    && s.get("Condition") == null),
                    f.getKey() + " reads objects: without unconditioned s3:ListBucket a missing key answers 403");
        }
        assertTrue(readers >= 7, "files, filter, process, integrals, export, jobs, worker read objects");
    }

    /**
     * The Rules, evaluated for every allowed pair: a stack is refused exactly when the backstop is not longer
     * than a session's life plus the TTL grace the functions are given.
     */
    @Test
    void theRulesRefuseABackstopThatALiveSessionOrItsCleanupCouldOutlast() {
        Map<String, Object> parameters = map(template.get("Parameters"));
        Duration grace =
                ConversionService.SHARED.convertRequired(globalEnvironment().get("SESSION_TTL_GRACE"), Duration.class);
        Map<String, Object> rules = map(template.get("Rules"));
        int refused = 0;
        for (Object lifetime : (List<?>) map(parameters.get("SessionLifetime")).get("AllowedValues")) {
            Duration life = ConversionService.SHARED.convertRequired(lifetime.toString(), Duration.class);
            for (Object days :
                    (List<?>) map(parameters.get("ObjectBackstopDays")).get("AllowedValues")) {
                Map<String, String> values =
                        Map.of("SessionLifetime", lifetime.toString(), "ObjectBackstopDays", days.toString());
                boolean accepted = true;
                for (Object r : rules.values()) {
                    Map<String, Object> rule = map(r);
                    if (rule.containsKey("RuleCondition") && !truth(rule.get("RuleCondition"), values)) continue;
                    for (Object a : (List<?>) rule.get("Assertions")) {
                        accepted &= truth(map(a).get("Assert"), values);
                    }
                }
                boolean safe = Duration.ofDays(Long.parseLong(days.toString())).compareTo(life.plus(grace)) > 0;
                assertEquals(safe, accepted, "SessionLifetime " + lifetime + ", ObjectBackstopDays " + days);
                if (!accepted) refused++;
            }
        }
        assertTrue(refused > 0, "some allowed pair is unsafe, so the rules do matter");
        Map<String, Object> defaults = Map.of(
                "SessionLifetime",
                map(parameters.get("SessionLifetime")).get("Default"),
                "ObjectBackstopDays",
                map(parameters.get("ObjectBackstopDays")).get("Default"));
        assertTrue(((List<?>) map(parameters.get("SessionLifetime")).get("AllowedValues"))
                .contains(defaults.get("SessionLifetime")));
    }

    /** The rule functions CloudFormation allows that the template uses: Equals, Not, Contains, Ref. */
    private static boolean truth(Object expression, Map<String, String> parameters) {
        Map<String, Object> e = map(expression);
        if (e.containsKey("Fn::Equals")) {
            List<?> args = (List<?>) e.get("Fn::Equals");
            return value(args.get(0), parameters).equals(value(args.get(1), parameters));
        }
        if (e.containsKey("Fn::Not")) return !truth(((List<?>) e.get("Fn::Not")).get(0), parameters);
        if (e.containsKey("Fn::Contains")) {
            List<?> args = (List<?>) e.get("Fn::Contains");
            return ((List<?>) args.get(0))
                    .stream().map(Object::toString).toList().contains(value(args.get(1), parameters));
        }
        throw new AssertionError("a rule function this test does not evaluate: " + e);
    }

    private static String value(Object o, Map<String, String> parameters) {
        if (o instanceof Map<?, ?> m && m.containsKey("Ref")) {
            return Objects.requireNonNull(parameters.get((String) m.get("Ref")), m.toString());
        }
        return o.toString();
    }

    @Test
    void theJobWorkerIsNotRetriedAndItsFailuresMarkTheJobFailed() {
        Map<String, Map<String, Object>> functions = ofType("AWS::Serverless::Function");
        Map<String, Object> worker = functions.get("JobWorkerFunction");
        Map<String, Object> config = map(worker.get("EventInvokeConfig"));
        assertEquals(0, config.get("MaximumRetryAttempts"), "a retry would analyse every file again");
        Map<String, Object> onFailure = map(map(config.get("DestinationConfig")).get("OnFailure"));
        assertEquals("Lambda", onFailure.get("Type"));
        assertEquals(Map.of("Fn::GetAtt", "JobFailureFunction.Arn"), onFailure.get("Destination"));
        assertEquals(
                "org.signalanalyzer.functions.jobs.JobFailureFunction",
                functions.get("JobFailureFunction").get("Handler"));
        for (Map<String, Object> s : statements(worker)) {
            assertFalse(actions(s).contains("dynamodb:Query"), "the worker lists nothing");
            assertFalse(actions(s).contains("dynamodb:UpdateItem"), "the worker replaces items whole (PutItem)");
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
        Map<String, Object> api =
                ofType("AWS::Serverless::Api").values().iterator().next();
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
            reservedByDefault += value instanceof Integer n
                    ? n
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
        Map<String, Object> apiProps =
                ofType("AWS::Serverless::Api").values().iterator().next();
        assertTrue(
                ((List<?>) api5xx.get("Dimensions")).contains(Map.of("Name", "ApiName", "Value", apiProps.get("Name"))),
                "the alarm watches this stack's API by its name");
        // CloudWatch takes at most 10 metrics in one metric-math alarm (a hard limit cfn-lint does not check), so
        // each kind is split between the API functions' alarm and the background functions' alarm.
        for (String kind : List.of("Errors", "Throttles")) {
            Set<String> watched = new TreeSet<>();
            for (String alarm : List.of("Function" + kind + "Alarm", "Background" + kind + "Alarm")) {
                Map<String, Object> props = map(resource(alarm).get("Properties"));
                int stats = 0;
                for (Object m : (List<?>) props.get("Metrics")) {
                    Map<String, Object> metric = map(m);
                    if (metric.get("MetricStat") == null) continue;
                    stats++;
                    Map<String, Object> stat = map(map(metric.get("MetricStat")).get("Metric"));
                    assertEquals("AWS/Lambda", stat.get("Namespace"));
                    assertEquals(kind, stat.get("MetricName"));
                    String fn = (String)
                            map(map(((List<?>) stat.get("Dimensions")).get(0)).get("Value"))
                                    .get("Ref");
                    assertTrue(watched.add(fn), fn + " is summed by one " + kind + " alarm only");
                }
                assertTrue(stats <= 10, alarm + " sums " + stats + " metrics: CloudWatch refuses more than 10");
            }
            assertEquals(new TreeSet<>(functionRefs), watched, "the " + kind + " alarms sum every function");
        }
        for (String alarm : List.of(
                "Api5xxAlarm",
                "FunctionErrorsAlarm",
                "BackgroundErrorsAlarm",
                "FunctionThrottlesAlarm",
                "BackgroundThrottlesAlarm")) {
            List<?> actions =
                    (List<?>) map(map(resource(alarm).get("Properties")).get("AlarmActions"))
                            .get("Fn::If");
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
        Map<String, Object> subscription =
                map(((List<?>) map(topic.get("Properties")).get("Subscription")).get(0));
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
        Map<String, Object> env =
                map(map(map(map(template.get("Globals")).get("Function")).get("Environment"))
                        .get("Variables"));
        assertEquals(Map.of("Ref", "AccessCode"), env.get("ACCESS_CODE"));
        assertTrue(
                Files.readString(Path.of("src/main/resources/application.yml")).contains("${ACCESS_CODE:}"));
    }

    @Test
    void theLimitParametersDefaultToTheFunctionsDefaults() {
        Map<String, Object> env =
                map(map(map(map(template.get("Globals")).get("Function")).get("Environment"))
                        .get("Variables"));
        Map<String, Object> defaults = Limits.defaults().asProperties();
        int limits = 0;
        for (var e : env.entrySet()) {
            if (!e.getKey().startsWith("SIGNAL_LIMITS_")) continue;
            limits++;
            String property = "signal.limits."
                    + e.getKey()
                            .substring("SIGNAL_LIMITS_".length())
                            .toLowerCase(Locale.ROOT)
                            .replace('_', '-');
            Object parameterDefault =
                    parameter((String) map(e.getValue()).get("Ref")).get("Default");
            assertEquals(
                    ((Number) defaults.get(property)).longValue(),
                    ((Number) parameterDefault).longValue(),
                    e.getKey() + " defaults to Limits' own default");
        }
        assertEquals(defaults.size(), limits, "every limit can be set from the template");
    }

    @Test
    void theWafRateRuleIsOptIn() {
        assertEquals("false", parameter("EnableWafRateRule").get("Default"), "a web ACL has a fixed monthly fee");
        assertEquals("UseWafRateRule", resource("WafRateAcl").get("Condition"));
        assertEquals("UseWafRateRule", resource("WafRateAclAssociation").get("Condition"));
        Map<String, Object> rule =
                map(((List<?>) map(resource("WafRateAcl").get("Properties")).get("Rules")).get(0));
        assertEquals(
                "IP", map(map(rule.get("Statement")).get("RateBasedStatement")).get("AggregateKeyType"));
    }
}
