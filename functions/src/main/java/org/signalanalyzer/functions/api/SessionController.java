package org.signalanalyzer.functions.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.signalanalyzer.functions.analyses.AnalysisSummary;
import org.signalanalyzer.functions.limits.SessionAdmission;
import org.signalanalyzer.functions.recordings.FileDescription;
import org.signalanalyzer.functions.sessions.Caller;
import org.signalanalyzer.functions.sessions.Tokens;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.BlobStore;
import org.signalanalyzer.functions.store.Documents;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.store.SessionStore;

/** Sessions: create (the token is shown once), look at, delete with everything they hold. */
@Controller("/api/sessions")
public class SessionController {

    private final SessionStore store;
    private final BlobStore blobs;
    private final Documents documents;
    private final Clock clock;
    private final Duration lifetime;
    private final SessionAdmission admission;

    public SessionController(
            SessionStore store,
            BlobStore blobs,
            Documents documents,
            Clock clock,
            @Value("${signal.sessions.lifetime}") Duration lifetime,
            SessionAdmission admission) {
        this.store = store;
        this.blobs = blobs;
        this.documents = documents;
        this.clock = clock;
        this.lifetime = lifetime;
        this.admission = admission;
    }

    @Serdeable
    public record CreatedSession(String sessionId, String token, Instant createdAt, Instant expiresAt) {}

    @Serdeable
    public record SessionView(
            String sessionId,
            Instant createdAt,
            Instant lastUsedAt,
            Instant expiresAt,
            List<FileDescription> files,
            List<AnalysisSummary> analyses) {}

    @Post
    @Status(HttpStatus.CREATED)
    public CreatedSession create(HttpRequest<String> request) {
        admission.admit(request);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = now.plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
        String token = Tokens.newSecret();
        Session session = new Session(Tokens.newId(), Tokens.sha256Hex(token), now, now, expiresAt, false);
        store.createSession(session);
        return new CreatedSession(session.sessionId(), token, now, expiresAt);
    }

    @Get("/{sessionId}")
    public SessionView get(@Caller Session s) {
        return new SessionView(
                s.sessionId(),
                s.createdAt(),
                s.lastUsedAt(),
                s.expiresAt(),
                documents.list(s, FileDescription.KIND, FileDescription.class),
                documents.list(s, AnalysisSummary.KIND, AnalysisSummary.class));
    }

    /**
     * Marks the session deleting first (every read treats it as gone from then on), removes its objects, then its
     * items. If storage fails midway the hourly cleanup finishes the job.
     */
    @Delete("/{sessionId}")
    @Status(HttpStatus.NO_CONTENT)
    public void delete(@Caller Session s) {
        store.markSessionDeleting(s.sessionId());
        blobs.deletePrefix(BlobKeys.sessionPrefix(s.sessionId()));
        store.purgeSession(s.sessionId(), clock.instant());
    }
}
