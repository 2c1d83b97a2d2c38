package org.signalanalyzer.functions.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.SharedData;
import org.signalanalyzer.functions.ApiGatewayFunction;
import org.signalanalyzer.functions.support.LambdaTestContext;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;

/** The upload flow against LocalStack (real S3 and DynamoDB APIs in Docker); skipped where Docker is absent. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackFlowTest {

    @Container
    static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4")).withServices("s3", "dynamodb");

    @Test
    void uploadCompleteAndTraceOnLocalStack() throws Exception {
        var creds = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
        Region region = Region.of(LOCALSTACK.getRegion());
        URI endpoint = LOCALSTACK.getEndpoint();
        S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(region)
                .credentialsProvider(creds)
                .build()
                .createBucket(r -> r.bucket("ls-bucket"));
        DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(creds)
                .build()
                .createTable(r -> r.tableName("ls-table")
                        .billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(
                                a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                                a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                        .keySchema(
                                k -> k.attributeName("pk").keyType(KeyType.HASH),
                                k -> k.attributeName("sk").keyType(KeyType.RANGE)));
        try (ApplicationContext ctx = ApplicationContext.builder()
                .environments("function", "lambda")
                .properties(Map.of(
                        "signal.storage.s3-endpoint",
                        endpoint.toString(),
                        "signal.storage.dynamodb-endpoint",
                        endpoint.toString(),
                        "signal.storage.bucket",
                        "ls-bucket",
                        "signal.storage.table",
                        "ls-table",
                        "signal.storage.region",
                        LOCALSTACK.getRegion(),
                        "signal.storage.access-key",
                        LOCALSTACK.getAccessKey(),
                        "signal.storage.secret-key",
                        LOCALSTACK.getSecretKey()))
                .start()) {
            var handler = new ApiGatewayFunction(ctx);
            ObjectMapper json = new ObjectMapper();
            JsonNode session = json.readTree(call(handler, "POST", "/api/sessions", null, null));
            String sid = session.get("sessionId").asText();
            String token = session.get("token").asText();
            byte[] bytes = Files.readAllBytes(SharedData.desktop("202304_0521.atf"));
            JsonNode ticket = json.readTree(call(
                    handler,
                    "POST",
                    "/api/sessions/" + sid + "/uploads",
                    token,
                    json.writeValueAsString(
                            Map.of("fileName", "a.atf", "contentType", "text/plain", "sizeBytes", bytes.length))));
            var put = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create(ticket.get("uploadUrl").asText()))
                                    .header("Content-Type", "text/plain")
                                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, put.statusCode());
            String fileId = ticket.get("fileId").asText();
            JsonNode done = json.readTree(
                    call(handler, "POST", "/api/sessions/" + sid + "/files/" + fileId + "/complete", token, null));
            assertEquals("ready", done.get("status").asText());
            JsonNode trace = json.readTree(
                    call(handler, "GET", "/api/sessions/" + sid + "/files/" + fileId + "/trace", token, null));
            assertEquals(2400, trace.get("values").size());
        }
    }

    private static String call(ApiGatewayFunction handler, String method, String path, String token, String body) {
        Map<String, String> headers = token == null
                ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token);
        return handler.handleRequest(
                        new APIGatewayProxyRequestEvent()
                                .withHttpMethod(method)
                                .withPath(path)
                                .withHeaders(headers)
                                .withBody(body),
                        new LambdaTestContext())
                .getBody();
    }
}
