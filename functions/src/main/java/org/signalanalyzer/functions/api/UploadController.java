package org.signalanalyzer.functions.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.signalanalyzer.functions.limits.SessionQuotas;
import org.signalanalyzer.functions.recordings.FileDescription;
import org.signalanalyzer.functions.sessions.Caller;
import org.signalanalyzer.functions.sessions.Tokens;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.BlobStore;
import org.signalanalyzer.functions.store.Documents;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.web.ApiException;

/**
 * Upload tickets: the browser declares a file; what is too large or of a type the readers cannot read is refused
 * here, the rest gets a presigned PUT whose signature covers the content type and the exact length, so the
 * storage itself refuses anything else. The bytes never pass through a function.
 */
@Controller("/api/sessions/{sessionId}/uploads")
public class UploadController {

    static final Set<String> EXTENSIONS = Set.of("atf", "abf", "csv", "txt");
    static final Set<String> CONTENT_TYPES =
            Set.of("application/octet-stream", "text/plain", "text/csv", "application/vnd.ms-excel");
    private static final int MAX_NAME_LENGTH = 200;

    private final Documents documents;
    private final BlobStore blobs;
    private final Clock clock;
    private final long maxBytes;
    private final Duration urlValidity;
    private final SessionQuotas quotas;

    public UploadController(
            Documents documents,
            BlobStore blobs,
            Clock clock,
            @Value("${signal.uploads.max-bytes}") long maxBytes,
            @Value("${signal.uploads.url-validity}") Duration urlValidity,
            SessionQuotas quotas) {
        this.documents = documents;
        this.blobs = blobs;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.urlValidity = urlValidity;
        this.quotas = quotas;
    }

    @Serdeable
    public record UploadRequest(
            @Nullable String fileName,
            @Nullable String contentType,
            @Nullable Long sizeBytes) {}

    @Serdeable
    public record UploadTicket(
            String fileId, String uploadUrl, String method, Map<String, String> headers, Instant expiresAt) {}

    @Post
    @Status(HttpStatus.CREATED)
    public UploadTicket create(@Caller Session session, @Body UploadRequest request) {
        String name = displayName(request.fileName());
        String extension =
                name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!EXTENSIONS.contains(extension)) {
            throw ApiException.unsupportedType("'" + name + "' is not a file the readers take: upload an .atf, .abf, "
                    + ".csv or .txt recording.");
        }
        String contentType = request.contentType() == null
                ? ""
                : request.contentType().trim().toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPES.contains(contentType)) {
            throw ApiException.unsupportedType("Content type '" + request.contentType() + "' is not accepted: declare "
                    + "one of "
                    + String.join(", ", CONTENT_TYPES.stream().sorted().toList())
                    + " (application/octet-stream when unsure).");
        }
        if (request.sizeBytes() == null || request.sizeBytes() < 1) {
            throw ApiException.invalid("sizeBytes must be the file's size in bytes (at least 1).");
        }
        if (request.sizeBytes() > maxBytes) {
            throw ApiException.tooLarge("'" + name + "' is " + request.sizeBytes() + " bytes; the limit is " + maxBytes
                    + " bytes (" + maxBytes / (1024 * 1024) + " MB).");
        }
        String fileId = Tokens.newId();
        return quotas.forUpload(session, request.sizeBytes()).keepIf(() -> {
            BlobStore.PresignedUpload url = blobs.presignPut(
                    BlobKeys.upload(session.sessionId(), fileId), contentType, request.sizeBytes(), urlValidity);
            documents.create(
                    session,
                    FileDescription.KIND,
                    fileId,
                    FileDescription.declared(fileId, name, contentType, request.sizeBytes()));
            return new UploadTicket(
                    fileId,
                    url.url().toString(),
                    "PUT",
                    url.headers(),
                    clock.instant().plus(urlValidity));
        });
    }

    /**
     * The name shown to people: the last path segment, without control characters. It is never part of an object
     * key (keys are made of server ids), so "../" or an absolute path in it is only text.
     */
    static String displayName(String fileName) {
        if (fileName == null || fileName.isBlank()) throw ApiException.invalid("fileName is required.");
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("\\p{Cntrl}", "")
                .trim();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw ApiException.invalid("fileName '" + fileName + "' names no file.");
        }
        return name.length() > MAX_NAME_LENGTH ? name.substring(name.length() - MAX_NAME_LENGTH) : name;
    }
}
