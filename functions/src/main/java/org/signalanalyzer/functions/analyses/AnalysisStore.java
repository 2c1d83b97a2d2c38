package org.signalanalyzer.functions.analyses;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.FitDidNotConvergeException;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.BlobMissingException;
import org.signalanalyzer.functions.store.BlobStore;
import org.signalanalyzer.functions.store.Documents;
import org.signalanalyzer.functions.store.Entry;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.web.ApiException;

/**
 * Analysis results: the JSON in S3 first, then the summary item that points to it. Results never change once
 * written, so a warm function keeps the last few parsed (integrals and fits then cost no storage read).
 */
@Singleton
public class AnalysisStore {

    private static final int CACHED = 32;

    private final BlobStore blobs;
    private final Documents documents;
    private final Map<String, AnalysisResult> cache = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AnalysisResult> eldest) {
            return size() > CACHED;
        }
    };

    /** Fewer: one per analysis being adjusted on a screen is enough, and each is a whole result (≈3 MB). */
    private static final int ADJUSTED_CACHED = 8;

    private final Map<String, AnalysisResult> adjustedCache = new LinkedHashMap<>(ADJUSTED_CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AnalysisResult> eldest) {
            return size() > ADJUSTED_CACHED;
        }
    };

    public AnalysisStore(BlobStore blobs, Documents documents) {
        this.blobs = blobs;
        this.documents = documents;
    }

    public void save(Session session, AnalysisSummary summary, AnalysisResult result) {
        blobs.put(
                BlobKeys.analysis(session.sessionId(), summary.analysisId()),
                result.toJson().getBytes(StandardCharsets.UTF_8),
                "application/json");
        documents.create(session, AnalysisSummary.KIND, summary.analysisId(), summary);
        remember(session.sessionId(), summary.analysisId(), result);
    }

    public AnalysisSummary summary(Session session, String analysisId) {
        if (!BlobKeys.isId(analysisId)) throw unknown();
        return documents.read(
                documents.find(session, AnalysisSummary.KIND, analysisId).orElseThrow(AnalysisStore::unknown),
                AnalysisSummary.class);
    }

    /**
     * The stored result of an analysis of this session (404 for another session's id). The cache is keyed by
     * session and id and filled only after that check, so a hit needs no item read.
     */
    public AnalysisResult result(Session session, String analysisId) {
        String key = session.sessionId() + "/" + analysisId;
        synchronized (cache) {
            AnalysisResult cached = cache.get(key);
            if (cached != null) return cached;
        }
        summary(session, analysisId);
        byte[] json = blobs.get(BlobKeys.analysis(session.sessionId(), analysisId))
                .orElseThrow(() -> new BlobMissingException("analysis " + analysisId + " has no stored result"));
        AnalysisResult result = AnalysisResult.fromJson(new String(json, StandardCharsets.UTF_8));
        remember(session.sessionId(), analysisId, result);
        return result;
    }

    /**
     * The result as the screen shows it: the stored result with the summary's adjustments applied. Kept per
     * adjustments, because every integrals preview of a drag needs it and accepted exponential fits on a
     * standard-mode curve (40,000 points) take a noticeable time to redo.
     */
    public AnalysisResult adjusted(Session session, AnalysisSummary summary) {
        if (summary.adjustments().isEmpty()) return result(session, summary.analysisId());
        String key = session.sessionId() + "/" + summary.analysisId() + "/"
                + RequestJson.write(RequestJson.MAPPER.valueToTree(summary.adjustments()));
        synchronized (adjustedCache) {
            AnalysisResult cached = adjustedCache.get(key);
            if (cached != null) return cached;
        }
        AnalysisResult adjusted = apply(summary.adjustments(), result(session, summary.analysisId()));
        synchronized (adjustedCache) {
            adjustedCache.put(key, adjusted);
        }
        return adjusted;
    }

    /** The adjusted result of an analysis of this session (404 for another session's id). */
    public AnalysisResult adjusted(Session session, String analysisId) {
        return adjusted(session, summary(session, analysisId));
    }

    /** shared-dsp applies the adjustments; a range or fit it refuses is the caller's 400, a fit that fails a 422. */
    static AnalysisResult apply(AdjustmentsBody body, AnalysisResult analysed) {
        if (body == null || body.isEmpty()) return analysed;
        try {
            return body.toDsp(analysed.mode()).applyTo(analysed);
        } catch (FitDidNotConvergeException e) {
            throw ApiException.analysisFailed(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
    }

    /**
     * Replaces the adjustments of an analysis (checked against the result first, so nothing unusable is stored);
     * answers the new summary. A concurrent change of the same analysis is a 409 (the item's version guards it).
     */
    public AnalysisSummary saveAdjustments(Session session, String analysisId, AdjustmentsBody body) {
        if (!BlobKeys.isId(analysisId)) throw unknown();
        Entry entry = documents.find(session, AnalysisSummary.KIND, analysisId).orElseThrow(AnalysisStore::unknown);
        AnalysisSummary current = documents.read(entry, AnalysisSummary.class);
        AnalysisResult adjusted = apply(body, result(session, analysisId));
        AnalysisSummary next = current.adjustedTo(body, adjusted);
        documents.replace(session, entry, next);
        return next;
    }

    private void remember(String sessionId, String analysisId, AnalysisResult result) {
        synchronized (cache) {
            cache.put(sessionId + "/" + analysisId, result);
        }
    }

    private static ApiException unknown() {
        return ApiException.notFound("No such analysis in this session.");
    }
}
