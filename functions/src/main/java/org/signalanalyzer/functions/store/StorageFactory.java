package org.signalanalyzer.functions.store;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The AWS clients and the stores built on them. */
@Factory
public class StorageFactory {

    /** {@code interceptors}: none in the product; a test may add one that changes S3's answers (a 403, say). */
    @Singleton
    S3Client s3Client(StorageSettings settings, SdkHttpClient http, List<ExecutionInterceptor> interceptors) {
        var builder = S3Client.builder()
                .httpClient(http)
                .overrideConfiguration(limits(settings.s3Timeouts()).toBuilder()
                        .executionInterceptors(interceptors)
                        .build())
                .credentialsProvider(credentials(settings))
                .region(region(settings));
        settings.s3Endpoint()
                .ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return builder.build();
    }

    @Singleton
    S3Presigner s3Presigner(StorageSettings settings) {
        var builder =
                S3Presigner.builder().credentialsProvider(credentials(settings)).region(region(settings));
        settings.s3Endpoint()
                .ifPresent(endpoint -> builder.endpointOverride(endpoint)
                        .serviceConfiguration(S3Configuration.builder()
                                .pathStyleAccessEnabled(true)
                                .build()));
        return builder.build();
    }

    @Singleton
    BlobStore blobStore(S3Client s3, S3Presigner presigner, StorageSettings settings) {
        return new S3BlobStore(s3, presigner, settings.bucket());
    }

    @Singleton
    @Requires(property = "signal.storage.session-store", value = "dynamodb", defaultValue = "dynamodb")
    SessionStore sessionStore(
            StorageSettings settings, SdkHttpClient http, @Value("${signal.sessions.ttl-grace}") Duration ttlGrace) {
        var builder = DynamoDbClient.builder()
                .httpClient(http)
                .overrideConfiguration(limits(settings.dynamoTimeouts()))
                .credentialsProvider(credentials(settings))
                .region(region(settings));
        settings.dynamoEndpoint().ifPresent(builder::endpointOverride);
        return new DynamoSessionStore(builder.build(), settings.table(), ttlGrace);
    }

    /**
     * The client that starts job workers (only where jobs run on Lambda). {@code signal.jobs.lambda-endpoint} is
     * for tests and LocalStack; on Lambda the SDK finds the regional endpoint.
     */
    @Singleton
    @Requires(property = "signal.jobs.runner", value = "lambda")
    LambdaClient lambdaClient(
            StorageSettings settings, SdkHttpClient http, @Value("${signal.jobs.lambda-endpoint:}") String endpoint) {
        var builder = LambdaClient.builder()
                .httpClient(http)
                .overrideConfiguration(limits(settings.dynamoTimeouts()))
                .credentialsProvider(credentials(settings))
                .region(region(settings));
        if (endpoint != null && !endpoint.isBlank()) builder.endpointOverride(URI.create(endpoint));
        return builder.build();
    }

    /**
     * One HTTP client for every AWS client, closed once by the context (an SDK client never closes a client it was
     * given; each built its own before, and none was closed). The clients differ only in their call and attempt
     * limits, which each sets itself; the connect and read timeouts are the HTTP client's, one for all. The first build
     * sets up the JDK's TLS (about 0.2 s, 0.3 s of CPU on a cold JVM, even for the plain-HTTP endpoints of tests
     * and the local runtime); a second build costs next to nothing, so sharing saves no start-up time.
     */
    @Singleton
    @Bean(preDestroy = "close")
    SdkHttpClient awsHttpClient(StorageSettings settings) {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.readTimeout())
                .build();
    }

    /** A timeout is an SdkClientException, which the stores report as storage_unavailable (503, Retry-After). */
    private static ClientOverrideConfiguration limits(StorageSettings.Timeouts timeouts) {
        return ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(timeouts.attempt())
                .apiCallTimeout(timeouts.call())
                .build();
    }

    private static Region region(StorageSettings settings) {
        return Region.of(settings.region().orElseGet(() -> {
            String fromLambda = System.getenv("AWS_REGION");
            return fromLambda == null ? "us-east-1" : fromLambda;
        }));
    }

    private static AwsCredentialsProvider credentials(StorageSettings settings) {
        if (settings.accessKey().isPresent() && settings.secretKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    settings.accessKey().get(), settings.secretKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
