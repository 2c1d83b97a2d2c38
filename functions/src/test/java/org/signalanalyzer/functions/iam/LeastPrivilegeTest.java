package org.signalanalyzer.functions.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.SharedData;
import org.signalanalyzer.functions.ApiGatewayFunction;
import org.signalanalyzer.functions.cleanup.CleanupFunction;
import org.signalanalyzer.functions.jobs.JobRequest;
import org.signalanalyzer.functions.jobs.JobWorkerFunction;
import org.signalanalyzer.functions.sessions.Tokens;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.DynamoSessionStore;
import org.signalanalyzer.functions.store.Entry;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.ApiHarness.Response;
import org.signalanalyzer.functions.support.LambdaTestContext;
import org.signalanalyzer.functions.support.MotoServer;
import org.signalanalyzer.functions.support.SampleAnalysis;
import org.signalanalyzer.functions.support.WorkbookValues;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Least privilege, judged by an IAM engine: every function of template.yaml runs through its real Lambda entry
 * point with credentials whose policy is exactly that function's policy as the SAM translator deploys it, against
 * moto's S3 and DynamoDB with IAM enforced. Each API call goes to the function that serves its route in the
 * template, so a call outside that function's policy fails the flow (the handler answers 5xx). The flow covers
 * every route the browser uses, the presigned PUT and GETs (signed with the serving function's rights), the job
 * worker with the payload the jobs function sent, and the hourly cleanup.
 *
 * <p>What moto 5.2 cannot judge, and how this test makes up for it: DynamoDB is checked by action only (its
 * statements are granted on "*" in moto; this test checks they name the stack's table); Lambda's invoke is
 * mis-authorized by moto, so a loopback recorder takes it and the policy is checked here; StringLike conditions
 * are ignored; a presigned request cannot be authorized, so its header-signed twin is (see
 * {@link MotoServer#withoutIam}); a missing key answers 404 even without s3:ListBucket (real S3: 403, tested
 * elsewhere with an injected 403). moto_iam_server.py fixes two of moto's checks (query signing, DeleteObjects).
 * Measured: target/least-privilege-report.txt lists what each function used against what it is granted.
 */
class LeastPrivilegeTest {

    private static final String BUCKET = "least-privilege-test";
    private static final String TABLE = "least-privilege-sessions";
    private static final String REGION = "us-east-1";
    private static final Path SCRIPTS = Path.of("src", "test", "resources", "iam");
    private static final Path REPORT = Path.of("target", "least-privilege-report.txt");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Keys(String accessKeyId, String secretAccessKey) {}

    private static MotoServer moto;
    private static LambdaInvokeRecorder lambda;
    private static StackPolicies stack;
    private static final Map<String, Keys> users = new LinkedHashMap<>();
    private static Keys admin;
    private static final Map<String, ApiGatewayFunction> api = new LinkedHashMap<>();
    private static final List<Closeable> handlers = new ArrayList<>();
    private static final Map<String, String> awsPropertiesBefore = new HashMap<>();

    @BeforeAll
    static void startStack() throws Exception {
        MotoServer.requirePython("moto.server", "samtranslator", "boto3");
        moto = MotoServer.start();
        lambda = new LambdaInvokeRecorder();
        String described = MotoServer.python(
                SCRIPTS.resolve("sam_policies.py"),
                List.of(
                        Path.of("..", "template.yaml").toString(),
                        "--bucket",
                        BUCKET,
                        "--table",
                        TABLE,
                        "--region",
                        REGION,
                        "--parameter",
                        "SiteOrigin=" + ApiHarness.SITE_ORIGIN));
        stack = new StackPolicies(described);
        Path policies = Files.createTempFile("stack-policies", ".json");
        try {
            Files.writeString(policies, described);
            JsonNode setup = new ObjectMapper()
                    .readTree(MotoServer.python(
                            SCRIPTS.resolve("moto_setup.py"),
                            List.of(
                                    moto.endpoint().toString(),
                                    policies.toString(),
                                    "--bucket",
                                    BUCKET,
                                    "--table",
                                    TABLE,
                                    "--region",
                                    REGION)));
            setup.get("users").fields().forEachRemaining(e -> users.put(e.getKey(), keys(e.getValue())));
            admin = keys(setup.get("admin"));
        } finally {
            Files.deleteIfExists(policies);
        }

        // The jobs function's Lambda client takes the region, endpoint and credentials the SDK finds by itself
        // (on Lambda: the runtime's environment); here the system properties the SDK reads point it at the
        // recorder, signing as the jobs function's user.
        StackPolicies.Function jobs = stack.functions.get("JobsFunction");
        Keys jobsKeys = users.get("JobsFunction");
        setAws(Map.of(
                "aws.region",
                REGION,
                "aws.endpointUrlLambda",
                lambda.endpoint().toString(),
                "aws.accessKeyId",
                jobsKeys.accessKeyId(),
                "aws.secretAccessKey",
                jobsKeys.secretAccessKey()));
        for (StackPolicies.Function f : stack.functions.values()) {
            if (f.handler().equals(ApiGatewayFunction.class.getName())) {
                ApiGatewayFunction handler = asFunction(f, ApiGatewayFunction::new);
                api.put(f.name(), handler);
                handlers.add(handler::close);
            }
        }
        assertNotNull(jobs, "template.yaml has a JobsFunction");
    }

    @AfterAll
    static void stopStack() {
        for (Closeable h : handlers) {
            try {
                h.close();
            } catch (Exception ignored) {
                // closing a context that failed to start
            }
        }
        awsPropertiesBefore.forEach((k, v) -> {
            if (v == null) System.clearProperty(k);
            else System.setProperty(k, v);
        });
        if (lambda != null) lambda.close();
        if (moto != null) moto.close();
    }

    private static Keys keys(JsonNode node) {
        return new Keys(
                node.get("accessKeyId").asText(), node.get("secretAccessKey").asText());
    }

    private static void setAws(Map<String, String> values) {
        values.forEach((k, v) -> {
            awsPropertiesBefore.putIfAbsent(k, System.getProperty(k));
            System.setProperty(k, v);
        });
    }

    /**
     * Builds a handler as Lambda would for this function: its template environment, and storage reached at moto
     * with its own user's keys. The functions read configuration when their context starts, so the properties are
     * set only for that moment (other tests of this JVM keep theirs).
     */
    private static <T> T asFunction(StackPolicies.Function f, Supplier<T> make) {
        Map<String, String> props = new HashMap<>();
        for (StackPolicies.Function any : stack.functions.values())
            any.environment().keySet().forEach(k -> props.put(k, null));
        props.putAll(f.environment());
        Keys keys = users.get(f.name());
        props.put("signal.storage.bucket", BUCKET);
        props.put("signal.storage.table", TABLE);
        props.put("signal.storage.s3-endpoint", moto.endpoint().toString());
        props.put("signal.storage.dynamodb-endpoint", moto.endpoint().toString());
        props.put("signal.storage.region", REGION);
        props.put("signal.storage.access-key", keys.accessKeyId());
        props.put("signal.storage.secret-key", keys.secretAccessKey());
        Map<String, String> before = new HashMap<>();
        props.keySet().forEach(k -> before.put(k, System.getProperty(k)));
        try {
            props.forEach((k, v) -> {
                if (v == null) System.clearProperty(k);
                else System.setProperty(k, v);
            });
            return make.get();
        } finally {
            before.forEach((k, v) -> {
                if (v == null) System.clearProperty(k);
                else System.setProperty(k, v);
            });
        }
    }

    /** A request to the function that serves it in template.yaml (as API Gateway routes it). */
    private static Response call(String method, String path, String token, Object body) {
        return call(method, path, token, body, Map.of());
    }

    private static Response call(String method, String path, String token, Object body, Map<String, String> query) {
        if (token != null) ageSessionUse(path.split("/")[3]);
        return call(method, path, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), body, query);
    }

    private static Response call(
            String method, String path, Map<String, String> headers, Object body, Map<String, String> query) {
        StackPolicies.Function f = stack.serving(method, path);
        Response r = ApiHarness.call(api.get(f.name()), method, path, headers, body, query);
        assertTrue(
                r.status() < 500,
                f.name() + " answered " + method + " " + path + " with " + r + " (a call outside its policy?)");
        return r;
    }

    /**
     * A session last used more than a minute ago is touched (UpdateItem) by whichever function serves the next
     * call: the flow runs in seconds, so the test makes each call come after such a pause, as a person's would.
     * The session item's key and attribute are DynamoSessionStore's.
     */
    private static void ageSessionUse(String sessionId) {
        try (DynamoDbClient dynamo = dynamo(admin)) {
            dynamo.updateItem(r -> r.tableName(TABLE)
                    .key(Map.of("pk", AttributeValue.fromS(sessionId), "sk", AttributeValue.fromS("SESSION")))
                    .updateExpression("SET lastUsedAt = :then")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(
                            ":then",
                            AttributeValue.fromN(Long.toString(
                                    Instant.now().minusSeconds(600).toEpochMilli())))));
        } catch (ConditionalCheckFailedException gone) {
            // the session is deleted already: nothing to age
        }
    }

    private static S3Client s3(Keys keys) {
        return S3Client.builder()
                .endpointOverride(moto.endpoint())
                .forcePathStyle(true)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static DynamoDbClient dynamo(Keys keys) {
        return DynamoDbClient.builder()
                .endpointOverride(moto.endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * A presigned URL the browser follows: signed by the function that answered it, with that function's rights
     * (checked through its header-signed twin), and working as sent.
     */
    private static HttpResponse<byte[]> followPresigned(
            String function, String method, String url, byte[] body, String contentType) throws Exception {
        URI uri = URI.create(url);
        String credential = null;
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith("X-Amz-Credential=")) {
                credential = URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8);
            }
        }
        assertNotNull(credential, "a SigV4 presigned URL: " + url);
        Keys signer = users.get(function);
        assertEquals(
                signer.accessKeyId(),
                credential.substring(0, credential.indexOf('/')),
                "the URL is signed with " + function + "'s credentials");
        String path =
                URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8).substring(1);
        String bucket = path.substring(0, path.indexOf('/'));
        String key = path.substring(path.indexOf('/') + 1);
        try (S3Client asSigner = s3(signer)) {
            if (method.equals("PUT")) {
                asSigner.putObject(
                        r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(body));
            } else {
                asSigner.getObjectAsBytes(r -> r.bucket(bucket).key(key));
            }
        } catch (S3Exception e) {
            fail(function + "'s policy does not allow the presigned " + method + " of " + key + ": " + e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (method.equals("PUT")) {
            request.header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.GET();
        }
        return moto.withoutIam(() -> HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    @Test
    void theStatementsNameTheStacksOwnTableBucketAndWorker() {
        String table = "arn:aws:dynamodb:" + REGION + ":123456789012:table/" + TABLE;
        String lambdaArnPrefix = "arn:aws:lambda:" + REGION + ":123456789012:function:";
        for (StackPolicies.Function f : stack.functions.values()) {
            for (StackPolicies.Statement s : f.statements()) {
                assertEquals("Allow", s.effect(), f.name());
                for (String action : s.actions()) {
                    String service = action.substring(0, action.indexOf(':'));
                    for (String resource : s.resources()) {
                        switch (service) {
                            // moto grants DynamoDB by action alone: the table is checked here.
                            case "dynamodb" -> assertEquals(table, resource, f.name() + " " + action);
                            case "s3" ->
                                assertTrue(
                                        resource.equals("arn:aws:s3:::" + BUCKET)
                                                || resource.startsWith("arn:aws:s3:::" + BUCKET + "/sessions/"),
                                        f.name() + " " + action + " on " + resource);
                            // moto grants Lambda by action alone (and is not used for it): only this stack's
                            // functions may be invoked.
                            case "lambda" ->
                                assertTrue(
                                        stack.functions.keySet().stream()
                                                .anyMatch(name -> resource.startsWith(lambdaArnPrefix + name + ":")
                                                        || resource.equals(lambdaArnPrefix + name)),
                                        f.name() + " " + action + " on " + resource);
                            default -> {}
                        }
                        assertFalse(
                                resource.equals("*")
                                        && !service.equals("logs")
                                        && !service.equals("xray")
                                        && !service.equals("cloudwatch"),
                                f.name() + " " + action + " on *");
                    }
                }
            }
        }
    }

    @Test
    void motoRefusesWhatAPolicyDoesNotGrant() {
        try (S3Client uploads = s3(users.get("UploadsFunction"));
                DynamoDbClient filter = dynamo(users.get("FilterFunction"));
                S3Client sessions = s3(users.get("SessionsFunction"))) {
            S3Exception read = assertThrows(
                    S3Exception.class,
                    () -> uploads.getObjectAsBytes(r -> r.bucket(BUCKET).key("sessions/x/any")));
            assertEquals(403, read.statusCode(), "uploads may only put objects");
            S3Exception outside = assertThrows(
                    S3Exception.class,
                    () -> uploads.putObject(r -> r.bucket(BUCKET).key("elsewhere/x"), RequestBody.fromString("x")));
            assertEquals(403, outside.statusCode(), "only under sessions/");
            DynamoDbException write = assertThrows(
                    DynamoDbException.class,
                    () -> filter.putItem(r -> r.tableName(TABLE)
                            .item(Map.of("pk", AttributeValue.fromS("x"), "sk", AttributeValue.fromS("y")))));
            assertEquals(403, write.statusCode(), "the filter preview never writes an item");
            S3Exception put = assertThrows(
                    S3Exception.class,
                    () -> sessions.putObject(r -> r.bucket(BUCKET).key("sessions/x/y"), RequestBody.fromString("x")));
            assertEquals(403, put.statusCode(), "the sessions function never writes an object");
        }
    }

    @Test
    void everyFunctionServesTheWholeFlowWithOnlyItsOwnPolicy() throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.desktop("202304_0521.atf"));

        Response created = call("POST", "/api/sessions", null, null);
        assertEquals(201, created.status(), created.toString());
        String sid = created.json().get("sessionId").asText();
        String token = created.json().get("token").asText();
        String base = "/api/sessions/" + sid;
        assertEquals(
                200,
                call("GET", "/api/openapi.yml", Map.of("Accept", "*/*"), null, Map.of())
                        .status());

        Response ticket = call(
                "POST",
                base + "/uploads",
                token,
                Map.of(
                        "fileName",
                        "20230405_0521_1_-20mV.atf",
                        "contentType",
                        "application/octet-stream",
                        "sizeBytes",
                        bytes.length));
        assertEquals(201, ticket.status(), ticket.toString());
        String fileId = ticket.json().get("fileId").asText();
        var put = followPresigned(
                stack.serving("POST", base + "/uploads").name(),
                "PUT",
                ticket.json().get("uploadUrl").asText(),
                bytes,
                ticket.json().get("headers").get("Content-Type").asText());
        assertEquals(200, put.statusCode(), new String(put.body(), StandardCharsets.UTF_8));

        assertEquals(
                200,
                call("POST", base + "/files/" + fileId + "/complete", token, null)
                        .status());
        assertEquals(200, call("GET", base + "/files/" + fileId, token, null).status());
        Response list = call("GET", base + "/files", token, null);
        assertEquals(fileId, list.json().get("files").get(0).get("fileId").asText(), list.toString());
        assertEquals(200, call("GET", base, token, null).status());
        Response trace = call(
                "GET",
                base + "/files/" + fileId + "/trace",
                token,
                null,
                Map.of("sweep", "0", "channel", "0", "width", "400"));
        assertEquals(200, trace.status(), trace.toString());
        assertEquals(800, trace.json().get("values").size());
        Response filter = call(
                "POST",
                base + "/files/" + fileId + "/filter",
                token,
                Map.of("sweep", 0, "channel", 0, "chain", Map.of("preset", "batch"), "width", 500));
        assertEquals(200, filter.status(), filter.toString());

        Response processed = call("POST", base + "/analyses", token, SampleAnalysis.desktop(fileId, "batch"));
        assertEquals(201, processed.status(), processed.toString());
        JsonNode result = processed.json().get("result");
        // The desktop application's own numbers for this case (expected-desktop.json batch_n35).
        assertEquals(-14.117414341533726, result.get("qHyperpolPc").asDouble(), 14.12 * 1e-9);
        assertEquals(9.315680642187917, result.get("qDepolPc").asDouble(), 9.32 * 1e-9);
        assertEquals(0.3905515830620274, result.get("capacitanceNf").asDouble(), 0.39 * 1e-9);
        String analysisId = processed.json().get("analysisId").asText();
        assertEquals(200, call("GET", base + "/analyses", token, null).status());
        assertEquals(
                200, call("GET", base + "/analyses/" + analysisId, token, null).status());
        assertEquals(
                200,
                call(
                                "POST",
                                base + "/analyses/" + analysisId + "/integrals",
                                token,
                                Map.of("hyperpol", new int[] {10, 150}, "depol", new int[] {5, 120}))
                        .status());
        assertEquals(
                200,
                call(
                                "POST",
                                base + "/analyses/" + analysisId + "/fits",
                                token,
                                Map.of("curve", "hyperpol", "model", "exp-decay", "from", 5, "to", 150))
                        .status());

        Response export =
                call("POST", base + "/exports", token, Map.of("analysisIds", List.of(analysisId), "layout", "full"));
        assertEquals(200, export.status(), export.toString());
        var workbook = followPresigned(
                stack.serving("POST", base + "/exports").name(),
                "GET",
                export.json().get("url").asText(),
                null,
                null);
        assertEquals(200, workbook.statusCode());
        assertTrue(
                WorkbookValues.contains(workbook.body(), 9.315680642187917, 9.32 * 1e-9),
                "the downloaded workbook holds Q depol");

        runJob(base, token, fileId);

        assertEquals(204, call("DELETE", base + "/files/" + fileId, token, null).status());
        assertEquals(404, call("GET", base + "/files/" + fileId, token, null).status());
        assertEquals(204, call("DELETE", base, token, null).status());
        assertEquals(404, call("GET", base, token, null).status());
        try (S3Client s3 = s3(admin)) {
            assertEquals(
                    List.of(),
                    s3.listObjectsV2(r -> r.bucket(BUCKET).prefix(BlobKeys.sessionPrefix(sid)))
                            .contents(),
                    "deleting the session removed its objects");
        }

        runCleanup();
        report();
    }

    private static void runJob(String base, String token, String fileId) throws Exception {
        Response started =
                call("POST", base + "/jobs", token, SampleAnalysis.batchJob(List.of(fileId), "raw", "lab-sets"));
        assertEquals(202, started.status(), started.toString());
        String jobId = started.json().get("jobId").asText();

        StackPolicies.Function jobs = stack.serving("POST", base + "/jobs");
        assertEquals(1, lambda.invocations.size(), "one asynchronous invoke of the worker");
        LambdaInvokeRecorder.Invocation invoke = lambda.invocations.get(0);
        assertEquals("Event", invoke.invocationType());
        assertTrue(
                invoke.authorization()
                        .contains("Credential=" + users.get(jobs.name()).accessKeyId() + "/"),
                "signed as " + jobs.name());
        String worker = jobs.environment().get("JOBS_WORKER_FUNCTION");
        assertEquals(worker, invoke.functionName(), "the worker the template names");
        assertTrue(jobs.allows("lambda:InvokeFunction", worker), jobs.name() + " may invoke " + worker);

        JobRequest request = new ObjectMapper().readValue(invoke.payload(), JobRequest.class);
        StackPolicies.Function workerFunction = stack.functions.get("JobWorkerFunction");
        assertEquals(JobWorkerFunction.class.getName(), workerFunction.handler());
        try (JobWorkerFunction run = asFunction(workerFunction, JobWorkerFunction::new)) {
            run.handleRequest(request, new LambdaTestContext());
        }
        Response status = call("GET", base + "/jobs/" + jobId, token, null);
        assertEquals("done", status.json().get("status").asText(), status.toString());
        var book = followPresigned(
                stack.serving("GET", base + "/jobs/" + jobId).name(),
                "GET",
                status.json().get("export").get("url").asText(),
                null,
                null);
        assertEquals(200, book.statusCode());
        assertTrue(book.body().length > 1000, "a workbook");
    }

    /** An expired session (written by the test as time would leave it) goes with the hourly run. */
    private static void runCleanup() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String expired = Tokens.newId();
        String fileId = Tokens.newId();
        try (DynamoDbClient dynamo = dynamo(admin);
                S3Client s3 = s3(admin)) {
            var store = new DynamoSessionStore(dynamo, TABLE, Duration.ofHours(24));
            store.createSession(new Session(
                    expired, "h", now.minusSeconds(90_000), now.minusSeconds(90_000), now.minusSeconds(60), false));
            store.putEntry(expired, new Entry("file", fileId, 0, "{}", now.minusSeconds(60)));
            s3.putObject(r -> r.bucket(BUCKET).key(BlobKeys.upload(expired, fileId)), RequestBody.fromString("x"));

            StackPolicies.Function cleanup = stack.functions.get("CleanupFunction");
            assertEquals(CleanupFunction.class.getName(), cleanup.handler());
            try (CleanupFunction run = asFunction(cleanup, CleanupFunction::new)) {
                run.handleRequest(new ScheduledEvent(), new LambdaTestContext());
            }
            assertEquals(
                    List.of(),
                    s3.listObjectsV2(r -> r.bucket(BUCKET).prefix(BlobKeys.sessionPrefix(expired)))
                            .contents(),
                    "the cleanup removed the expired session's objects");
            assertTrue(
                    dynamo.query(r -> r.tableName(TABLE)
                                    .keyConditionExpression("pk = :p")
                                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(expired))))
                            .items()
                            .isEmpty(),
                    "and its items");
        }
    }

    /** What each function used against what its policy grants (target/least-privilege-report.txt). */
    private static void report() throws Exception {
        Map<String, Set<String>> byKey = RequestLog.actionsByAccessKey(moto.recordedRequests());
        StringBuilder out = new StringBuilder("function | used | granted but not used in the flow\n");
        for (StackPolicies.Function f : stack.functions.values()) {
            Set<String> used =
                    new TreeSet<>(byKey.getOrDefault(users.get(f.name()).accessKeyId(), Set.of()));
            if (f.name().equals("JobsFunction") && !lambda.invocations.isEmpty()) used.add("lambda:InvokeFunction");
            Set<String> unused = new TreeSet<>(f.grantedActions());
            unused.removeAll(used);
            for (String action : used) {
                assertTrue(
                        f.grantedActions().stream().anyMatch(g -> StackPolicies.matches(g, action)),
                        f.name() + " used " + action + " without a grant (moto let it through?)");
            }
            out.append(f.name())
                    .append(" | ")
                    .append(used)
                    .append(" | ")
                    .append(unused)
                    .append('\n');
        }
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, out);
        System.out.println(out);
    }
}
