package org.signalanalyzer.functions.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The lab's shared access code for creating sessions ({@code signal.access-code}; empty leaves the door open).
 * Only its SHA-256 digest is kept, and an offered code is compared digest to digest in constant time, so neither
 * the answer's timing nor a heap dump gives the code away. It is never logged.
 */
@Singleton
public class AccessCode {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] digest;

    public AccessCode(@Value("${signal.access-code:}") String code) {
        this.digest = code == null || code.isEmpty() ? null : sha256(code);
    }

    public boolean required() {
        return digest != null;
    }

    /** Lets a POST /api/sessions body {@code {"accessCode": "..."}} through, or refuses with 401. */
    public void check(String requestBody) {
        if (digest == null) return;
        String offered = offered(requestBody);
        if (offered == null) {
            throw LimitRefusal.accessCodeRequired("This Signal Analyzer is closed to strangers: send the lab's access "
                    + "code as {\"accessCode\": \"...\"} to start a session.");
        }
        if (!MessageDigest.isEqual(sha256(offered), digest)) {
            throw LimitRefusal.accessCodeRequired("That access code is not the lab's: check it (ask whoever runs this "
                    + "Signal Analyzer) and try again.");
        }
    }

    private static String offered(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            JsonNode code = JSON.readTree(body).get("accessCode");
            return code != null && code.isTextual() && !code.asText().isEmpty() ? code.asText() : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    private static byte[] sha256(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
