package org.signalanalyzer.functions.analyses;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import org.signalanalyzer.dsp.filter.FilterChain;
import org.signalanalyzer.dsp.filter.FilterMetrics;
import org.signalanalyzer.functions.recordings.FileDescription;
import org.signalanalyzer.functions.recordings.RecordingArchive;
import org.signalanalyzer.functions.recordings.RecordingFiles;
import org.signalanalyzer.functions.recordings.Trace;
import org.signalanalyzer.functions.recordings.TraceWindow;
import org.signalanalyzer.functions.sessions.Caller;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.web.ApiException;
import org.signalanalyzer.functions.web.ComputesFromRecording;

/**
 * Filter preview: a chain applied to one whole sweep/channel (filters have edge effects, so never to the window
 * alone), the desktop's metrics over the whole sweep, and both traces decimated for the requested window.
 */
@Controller("/api/sessions/{sessionId}/files/{fileId}/filter")
public class FilterController {

    private final RecordingFiles files;
    private final RecordingArchive archive;

    public FilterController(RecordingFiles files, RecordingArchive archive) {
        this.files = files;
        this.archive = archive;
    }

    /** The metrics; SNR is null when the residual is zero (an infinite ratio has no JSON number). */
    @Serdeable
    public record Metrics(
            double mse, double rmse, double mae, @Nullable Double snrDb, double maxAbsResidual, double meanResidual) {
        static Metrics of(FilterMetrics m) {
            return new Metrics(
                    m.mse(),
                    m.rmse(),
                    m.mae(),
                    Double.isFinite(m.snrDb()) ? m.snrDb() : null,
                    m.maxAbsResidual(),
                    m.meanResidual());
        }
    }

    @Serdeable
    public record Preview(Trace raw, Trace filtered, Metrics metrics) {}

    /** The body: which trace, the window and width to plot, the chain (shared-dsp's JSON) to preview. */
    public record FilterRequest(
            int sweep,
            int channel,
            @Nullable Double startS,
            @Nullable Double endS,
            int width,
            FilterChain chain) {
        static FilterRequest from(JsonNode root) {
            FilterChain chain = AnalysisRequests.chain(root);
            if (chain == null) throw ApiException.invalid("'chain' is required: a preset or a list of steps.");
            return new FilterRequest(
                    RequestJson.optionalInt(root, "sweep", 0),
                    RequestJson.optionalInt(root, "channel", 0),
                    root.hasNonNull("startS") ? root.get("startS").asDouble() : null,
                    root.hasNonNull("endS") ? root.get("endS").asDouble() : null,
                    RequestJson.optionalInt(root, "width", TraceWindow.DEFAULT_WIDTH),
                    chain);
        }
    }

    @ComputesFromRecording
    @Post
    public Preview preview(@Caller Session session, String fileId, @Body String body) {
        FileDescription file = files.ready(session, fileId);
        FilterRequest request = FilterRequest.from(RequestJson.parse(body));
        TraceWindow window = TraceWindow.of(
                file, request.sweep(), request.channel(), request.startS(), request.endS(), request.width());
        double[] raw = archive.samples(
                session.sessionId(),
                fileId,
                file.samplesPerSweep(),
                request.sweep(),
                request.channel(),
                0,
                file.samplesPerSweep());
        double[] filtered;
        try {
            filtered = request.chain().apply(raw, file.sampleRateHz());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("chain: " + e.getMessage());
        }
        return new Preview(
                window.ofSweepSamples(file, raw),
                window.ofSweepSamples(file, filtered),
                Metrics.of(FilterMetrics.of(raw, filtered)));
    }
}
