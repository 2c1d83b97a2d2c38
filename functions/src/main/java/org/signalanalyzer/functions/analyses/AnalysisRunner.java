package org.signalanalyzer.functions.analyses;

import jakarta.inject.Singleton;
import java.time.Clock;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.InvalidAnalysisParameterException;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.filter.FilterChain;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.functions.recordings.FileDescription;
import org.signalanalyzer.functions.recordings.RecordingArchive;
import org.signalanalyzer.functions.sessions.Tokens;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.web.ApiException;

/** Runs shared-dsp's analysis on a stored file and keeps the result: for the process call and the batch jobs. */
@Singleton
public class AnalysisRunner {

    private final RecordingArchive archive;
    private final AnalysisStore analyses;
    private final Clock clock;

    public AnalysisRunner(RecordingArchive archive, AnalysisStore analyses, Clock clock) {
        this.archive = archive;
        this.analyses = analyses;
        this.clock = clock;
    }

    public AnalysisSummary run(Session session, FileDescription file, AnalysisRequest request) {
        Recording recording = archive.load(session.sessionId(), file.fileId());
        AnalysisResult result;
        try {
            result = StepProtocolAnalysis.run(
                    recording, request, new StepProtocolAnalysis.Input(file.fileName(), file.sha256()));
        } catch (InvalidAnalysisParameterException e) {
            // The request was well formed, but this recording does not fit the protocol: docs/api.md's 422.
            if (RECORDING.equals(e.parameter())) {
                throw ApiException.analysisFailed(
                        "The analysis cannot run on '" + file.fileName() + "': " + e.getMessage());
            }
            throw ApiException.invalid(e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException | ArithmeticException e) {
            throw ApiException.analysisFailed(
                    "The analysis cannot run on '" + file.fileName() + "': " + e.getMessage());
        }
        AnalysisSummary summary = AnalysisSummary.of(
                Tokens.newId(),
                file.fileId(),
                file.fileName(),
                clock.instant(),
                request.sweep(),
                request.channel(),
                filterLabel(request.chain()),
                result);
        analyses.save(session, summary, result);
        return summary;
    }

    /** shared-dsp's name for a fault in the recording rather than in the request. */
    private static final String RECORDING = "recording";

    /** The preset a chain is (by name, or written out step by step as the preset's), else "custom". */
    static String filterLabel(FilterChain chain) {
        if (chain.presetName().isPresent()) return chain.presetName().get();
        for (String name : FilterChain.presetNames()) {
            if (FilterChain.preset(name).toJson().equals(chain.toJson())) return name;
        }
        return AnalysisSummary.CUSTOM_FILTER;
    }
}
