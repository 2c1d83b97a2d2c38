package org.signalanalyzer.functions.analyses;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.signalanalyzer.dsp.analysis.AnalysisResult;

/** One line of a session's analysis history (docs/api.md, AnalysisSummary); the full result lies in S3. */
@Serdeable
public record AnalysisSummary(String analysisId, String fileId, String fileName, Instant createdAt, String mode,
                              int sweep, int channel, @Nullable Integer startingPoint, double v0Mv, double v2Mv,
                              double qHyperpolPc, double qDepolPc, double capacitanceNf) {

    public static final String KIND = "analysis";

    public static AnalysisSummary of(String analysisId, String fileId, String fileName, Instant createdAt, int sweep,
                                     int channel, AnalysisResult r) {
        return new AnalysisSummary(analysisId, fileId, fileName, createdAt, r.mode().label(), sweep, channel,
                r.startingPoint(), r.v0Mv(), r.v2Mv(), r.qHyperpolPc(), r.qDepolPc(), r.capacitanceNf());
    }
}
