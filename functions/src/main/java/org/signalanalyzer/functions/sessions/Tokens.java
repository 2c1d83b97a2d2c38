package org.signalanalyzer.functions.sessions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Unguessable ids (128 bit) and session secrets (256 bit), URL-safe base64; only a secret's SHA-256 is kept. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    public static String newId() {
        return random(16);
    }

    public static String newSecret() {
        return random(32);
    }

    public static String sha256Hex(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Compares in constant time, so the answer's timing tells nothing about the stored hash. */
    public static boolean matches(String secret, String storedHashHex) {
        return MessageDigest.isEqual(
                sha256Hex(secret).getBytes(StandardCharsets.US_ASCII),
                storedHashHex.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
