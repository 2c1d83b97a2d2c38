package org.signalanalyzer.functions.store;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the data lives. On Lambda only the bucket and table names are set (from the template's environment);
 * the endpoints, region and keys are for S3Proxy, dynalite or LocalStack. The timeouts make a storage that hangs
 * answer 503 well inside the Lambda and API Gateway (29 s) limits instead of the call waiting there. The read
 * timeout is what catches a hang quickly; the S3 attempt limit is generous because one call may carry a whole
 * recording (a 50 MB upload, or its float64 form several times that: 20 s asks only ~10 MB/s of the in-region
 * link), and the S3 call limit stays under API Gateway's 29 s so the browser gets the 503, not a gateway 504.
 * DynamoDB items are small, so its limits are a few seconds.
 */
@Singleton
public final class StorageSettings {

    private final String bucket;
    private final String table;
    private final String s3Endpoint;
    private final String dynamoEndpoint;
    private final String region;
    private final String accessKey;
    private final String secretKey;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Timeouts s3Timeouts;
    private final Timeouts dynamoTimeouts;

    /** Limits of one storage client's calls: per attempt and per call including the SDK's retries. */
    public record Timeouts(Duration attempt, Duration call) {}

    public StorageSettings(
            @Value("${signal.storage.bucket}") String bucket,
            @Value("${signal.storage.table}") String table,
            @Nullable @Value("${signal.storage.s3-endpoint:}") String s3Endpoint,
            @Nullable @Value("${signal.storage.dynamodb-endpoint:}") String dynamoEndpoint,
            @Nullable @Value("${signal.storage.region:}") String region,
            @Nullable @Value("${signal.storage.access-key:}") String accessKey,
            @Nullable @Value("${signal.storage.secret-key:}") String secretKey,
            @Value("${signal.storage.connect-timeout:2s}") Duration connectTimeout,
            @Value("${signal.storage.read-timeout:5s}") Duration readTimeout,
            @Value("${signal.storage.s3-attempt-timeout:20s}") Duration s3AttemptTimeout,
            @Value("${signal.storage.s3-call-timeout:25s}") Duration s3CallTimeout,
            @Value("${signal.storage.dynamodb-attempt-timeout:3s}") Duration dynamoAttemptTimeout,
            @Value("${signal.storage.dynamodb-call-timeout:8s}") Duration dynamoCallTimeout) {
        this.bucket = bucket;
        this.table = table;
        this.s3Endpoint = s3Endpoint;
        this.dynamoEndpoint = dynamoEndpoint;
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.s3Timeouts = new Timeouts(s3AttemptTimeout, s3CallTimeout);
        this.dynamoTimeouts = new Timeouts(dynamoAttemptTimeout, dynamoCallTimeout);
    }

    public String bucket() {
        return bucket;
    }

    public String table() {
        return table;
    }

    public Optional<URI> s3Endpoint() {
        return nonBlank(s3Endpoint).map(URI::create);
    }

    public Optional<URI> dynamoEndpoint() {
        return nonBlank(dynamoEndpoint).map(URI::create);
    }

    public Optional<String> region() {
        return nonBlank(region);
    }

    public Optional<String> accessKey() {
        return nonBlank(accessKey);
    }

    public Optional<String> secretKey() {
        return nonBlank(secretKey);
    }

    /** To open a connection, for every storage client (they share one HTTP client). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Between two bytes read: a store that stops sending is hanging, however large the object. */
    public Duration readTimeout() {
        return readTimeout;
    }

    public Timeouts s3Timeouts() {
        return s3Timeouts;
    }

    public Timeouts dynamoTimeouts() {
        return dynamoTimeouts;
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
