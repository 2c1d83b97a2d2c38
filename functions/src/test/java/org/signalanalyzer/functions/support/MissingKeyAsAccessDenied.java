package org.signalanalyzer.functions.support;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Makes S3Proxy answer a missing key the way real S3 answers a role without s3:ListBucket: 403 with an
 * AccessDenied error body (a HEAD gets a bare 403). Enabled in a handler's context by
 * {@value #PROPERTY}=true; used directly on an S3 client otherwise.
 */
@Singleton
@Requires(property = MissingKeyAsAccessDenied.PROPERTY, value = "true")
public final class MissingKeyAsAccessDenied implements ExecutionInterceptor {

    public static final String PROPERTY = "test.s3.missing-key-as-access-denied";
    private static final String DENIED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code>"
            + "<Message>Access Denied</Message><RequestId>TEST</RequestId></Error>";

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        SdkHttpResponse r = context.httpResponse();
        if (r.statusCode() != 404) return r;
        return r.toBuilder().statusCode(403).statusText("Forbidden").build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(
            Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        int status = context.httpResponse().statusCode();
        if ((status != 404 && status != 403) || context.responseBody().isEmpty()) {
            return context.responseBody();
        }
        return Optional.of(new ByteArrayInputStream(DENIED.getBytes(StandardCharsets.UTF_8)));
    }
}
