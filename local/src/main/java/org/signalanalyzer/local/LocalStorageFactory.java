package org.signalanalyzer.local;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.signalanalyzer.functions.store.BlobStore;
import org.signalanalyzer.functions.store.S3UrlSigner;
import org.signalanalyzer.functions.store.StorageFactory;
import org.signalanalyzer.functions.store.StorageSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The local runtime's stores: the journal session store, and the blob store: the server's own objects in process on
 * S3Proxy's store, the browser's presigned links for the origin it uses.
 */
@Factory
@Requires(property = LocalStorageFactory.EMBEDDED_PROPERTY, value = "embedded")
public class LocalStorageFactory {

    static final String EMBEDDED_PROPERTY = "signal.storage.session-store";
    static final String SESSIONS_DIR_PROPERTY = "signal.local.sessions-dir";
    static final String PUBLIC_HOST_PROPERTY = "signal.local.public-host";

    @Singleton
    @Bean(preDestroy = "close")
    JournalSessionStore sessionStore(@Value("${" + SESSIONS_DIR_PROPERTY + "}") String dir) {
        return JournalSessionStore.open(Path.of(dir));
    }

    @Singleton
    @Replaces(bean = BlobStore.class, factory = StorageFactory.class)
    BlobStore blobStore(
            StorageStartGate.Started storage,
            S3Presigner presigner,
            StorageSettings settings,
            @Value("${" + PUBLIC_HOST_PROPERTY + "}") String publicHost) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                settings.accessKey().orElseThrow(), settings.secretKey().orElseThrow()));
        Region region = Region.of(settings.region().orElseThrow());
        // An eighth of the heap, at most 256 MB: the parsed forms of a few dozen recordings the size of the sample.
        long budget = Math.min(Runtime.getRuntime().maxMemory() / 8, 256L * 1024 * 1024);
        return new SameOriginBlobStore(
                new RecentWrites(
                        new InProcessBlobStore(
                                storage::served, settings.bucket(), new S3UrlSigner(presigner, settings.bucket())),
                        budget),
                settings.bucket(),
                publicHost,
                origin -> S3Presigner.builder()
                        .credentialsProvider(credentials)
                        .region(region)
                        .endpointOverride(origin)
                        .serviceConfiguration(S3Configuration.builder()
                                .pathStyleAccessEnabled(true)
                                .build())
                        .build());
    }
}
