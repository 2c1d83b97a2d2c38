package org.signalanalyzer.functions.store;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;

/**
 * Where the data lives. On Lambda only the bucket and table names are set (from the template's environment);
 * the endpoints, region and keys are for S3Proxy, dynalite or LocalStack.
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

    public StorageSettings(@Value("${signal.storage.bucket}") String bucket,
                           @Value("${signal.storage.table}") String table,
                           @Nullable @Value("${signal.storage.s3-endpoint:}") String s3Endpoint,
                           @Nullable @Value("${signal.storage.dynamodb-endpoint:}") String dynamoEndpoint,
                           @Nullable @Value("${signal.storage.region:}") String region,
                           @Nullable @Value("${signal.storage.access-key:}") String accessKey,
                           @Nullable @Value("${signal.storage.secret-key:}") String secretKey) {
        this.bucket = bucket;
        this.table = table;
        this.s3Endpoint = s3Endpoint;
        this.dynamoEndpoint = dynamoEndpoint;
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    public String bucket() { return bucket; }
    public String table() { return table; }
    public Optional<URI> s3Endpoint() { return nonBlank(s3Endpoint).map(URI::create); }
    public Optional<URI> dynamoEndpoint() { return nonBlank(dynamoEndpoint).map(URI::create); }
    public Optional<String> region() { return nonBlank(region); }
    public Optional<String> accessKey() { return nonBlank(accessKey); }
    public Optional<String> secretKey() { return nonBlank(secretKey); }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
