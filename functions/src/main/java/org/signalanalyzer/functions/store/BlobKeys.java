package org.signalanalyzer.functions.store;

import java.util.regex.Pattern;

/**
 * The only place object keys are made. Every key is {@code sessions/{sessionId}/...} built from server-made ids
 * that are checked against a strict alphabet, so a name, a "../" or an encoded path in a request can never
 * address another session's objects.
 */
public final class BlobKeys {

    private static final String UPLOAD = "upload";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{6,64}");
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private BlobKeys() {}

    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static String sessionPrefix(String sessionId) {
        return "sessions/" + id(sessionId) + "/";
    }

    public static String filePrefix(String sessionId, String fileId) {
        return sessionPrefix(sessionId) + "files/" + id(fileId) + "/";
    }

    /** The bytes the browser uploaded, exactly as uploaded. */
    public static String upload(String sessionId, String fileId) {
        return filePrefix(sessionId, fileId) + UPLOAD;
    }

    /** Whether {@code key} is an upload's key ({@link #upload}): the browser writes it, not this code. */
    public static boolean isUpload(String key) {
        return key.startsWith("sessions/") && key.endsWith("/" + UPLOAD);
    }

    public static String fileObject(String sessionId, String fileId, String part) {
        if (!PART.matcher(part).matches() || part.contains("..")) {
            throw new IllegalArgumentException("not an object name: " + part);
        }
        return filePrefix(sessionId, fileId) + part;
    }

    public static String analysis(String sessionId, String analysisId) {
        return sessionPrefix(sessionId) + "analyses/" + id(analysisId) + ".json";
    }

    /** A charge-voltage job's result (the analyses it made are stored as analyses). */
    public static String chargeVoltage(String sessionId, String jobId) {
        return sessionPrefix(sessionId) + "charge-voltage/" + id(jobId) + ".json";
    }

    public static String export(String sessionId, String exportId, String extension) {
        if (!extension.matches("[a-z]{2,5}")) throw new IllegalArgumentException("not an extension: " + extension);
        return sessionPrefix(sessionId) + "exports/" + id(exportId) + "." + extension;
    }

    /**
     * {@code key} itself, if it lies under {@code sessions/} with no "..", "//" step: what every store checks before
     * it touches an object, so a key made anywhere but here still cannot leave the session folders.
     */
    public static String requireSessionKey(String key) {
        if (!key.startsWith("sessions/") || key.contains("..") || key.contains("//")) {
            throw new IllegalArgumentException("object keys live under sessions/{sessionId}/: " + key);
        }
        return key;
    }

    private static String id(String id) {
        if (!isId(id)) throw new IllegalArgumentException("not a server-made id: " + id);
        return id;
    }
}
