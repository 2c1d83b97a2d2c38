package org.signalanalyzer.functions.analyses;

import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.signalanalyzer.dsp.export.ExportedFile;
import org.signalanalyzer.dsp.export.Exporter;
import org.signalanalyzer.dsp.export.Layout;
import org.signalanalyzer.dsp.export.NamedAnalysis;
import org.signalanalyzer.functions.sessions.Tokens;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.BlobStore;
import org.signalanalyzer.functions.store.Documents;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.web.ApiException;

/**
 * Writes an export of stored analyses to S3, records where it lies (an {@value #KIND} entry of the session) and
 * signs a download link; used by the export call and the jobs. A link is signed with the function role's
 * temporary credentials and dies with them, possibly before its {@code expiresAt}: {@link #link(Session, String)}
 * signs a fresh one whenever the browser asks.
 */
@Singleton
public class Exports {

    public static final String KIND = "export";

    private final AnalysisStore analyses;
    private final Documents documents;
    private final BlobStore blobs;
    private final Clock clock;
    private final Duration linkValidity;

    public Exports(
            AnalysisStore analyses,
            Documents documents,
            BlobStore blobs,
            Clock clock,
            @Value("${signal.exports.url-validity}") Duration linkValidity) {
        this.analyses = analyses;
        this.documents = documents;
        this.blobs = blobs;
        this.clock = clock;
        this.linkValidity = linkValidity;
    }

    @Serdeable
    public record Link(String exportId, String fileName, String url, Instant expiresAt) {}

    /** Where an export lies, so a link can be signed again later (a job's status). */
    @Serdeable
    public record Stored(String exportId, String fileName, String key) {}

    public Link write(Session session, List<String> analysisIds, Layout layout, Map<String, Integer> sets) {
        return link(store(session, analysisIds, layout, sets));
    }

    /**
     * Writes the export of the analyses as the screen shows them (each with its adjustments applied); {@code sets}
     * gives lab-sets the set of an analysis (by id) whose file name tells none, or overrides the name's.
     */
    public Stored store(Session session, List<String> analysisIds, Layout layout, Map<String, Integer> sets) {
        List<NamedAnalysis> named = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String id : analysisIds) {
            AnalysisSummary s = analyses.summary(session, id);
            // Two analyses of one file need different labels in one workbook.
            String name = names.add(s.fileName()) ? s.fileName() : s.fileName() + " (" + id + ")";
            named.add(new NamedAnalysis(name, s.fileName(), analyses.adjusted(session, s), sets.get(id)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportedFile file;
        try {
            file = new Exporter(clock).write(layout, named, out);
        } catch (IllegalArgumentException e) {
            throw ApiException.exportFailed(
                    e.getMessage() + (layout == Layout.LAB_SETS ? " (give it in 'sets': {analysisId: set})." : ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.fileName();
        String extension =
                name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "bin";
        String exportId = Tokens.newId();
        String key = BlobKeys.export(session.sessionId(), exportId, extension);
        blobs.put(key, out.toByteArray(), file.contentType());
        Stored stored = new Stored(exportId, name, key);
        documents.create(session, KIND, exportId, stored);
        return stored;
    }

    /** A fresh link to an export of this session; another session's or an unknown id is 404. */
    public Link link(Session session, String exportId) {
        if (!BlobKeys.isId(exportId)) throw unknownExport();
        Stored stored = documents.read(
                documents.find(session, KIND, exportId).orElseThrow(Exports::unknownExport), Stored.class);
        return link(stored);
    }

    private static ApiException unknownExport() {
        return ApiException.notFound("No such export in this session.");
    }

    public Link link(Stored stored) {
        return new Link(
                stored.exportId(),
                stored.fileName(),
                blobs.presignGet(stored.key(), stored.fileName(), linkValidity).toString(),
                clock.instant().plus(linkValidity));
    }
}
