package org.signalanalyzer.functions.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.signalanalyzer.functions.store.StorageUnavailableException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/** On AWS: the job worker function invoked asynchronously (Event), so the work gets its own invocation. */
@Singleton
@Requires(property = "signal.jobs.runner", value = "lambda")
public class LambdaJobRunner implements JobRunner {

    private final LambdaClient lambda;
    private final String workerFunction;
    private final JsonMapper json;

    public LambdaJobRunner(
            LambdaClient lambda, @Value("${signal.jobs.worker-function}") String workerFunction, JsonMapper json) {
        this.lambda = lambda;
        this.workerFunction = workerFunction;
        this.json = json;
    }

    @Override
    public void submit(JobRequest request) {
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            lambda.invoke(r -> r.functionName(workerFunction)
                    .invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromByteArray(payload)));
        } catch (SdkException e) {
            throw new StorageUnavailableException("Lambda could not start the job worker", e);
        }
    }
}
