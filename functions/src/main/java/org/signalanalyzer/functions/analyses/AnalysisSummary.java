package org.signalanalyzer.functions.analyses;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.signalanalyzer.dsp.analysis.AnalysisResult;

/**
 * One line of a session's analysis history (docs/api.md, AnalysisSummary); the full result lies in S3. The
 * adjustments made on screen are kept here, in the one item, so a change of them is one conditional write; the
 * charges are those of the adjusted result.
 */
@Serdeable
public record AnalysisSummary(
        String analysisId,
        String fileId,
        String fileName,
        Instant createdAt,
        String mode,
        int sweep,
        int channel,
        @Nullable Integer startingPoint,
        @Nullable String startingPointRequested,
        @Nullable String filter,
        double v0Mv,
        double v2Mv,
        double qHyperpolPc,
        double qDepolPc,
        double capacitanceNf,
        boolean adjusted,
        @Nullable AdjustmentsBody adjustments) {

    public static final String KIND = "analysis";

    /** A chain that is none of the presets. */
    static final String CUSTOM_FILTER = "custom";

    public AnalysisSummary {
        if (adjustments == null) adjustments = AdjustmentsBody.NONE;
    }

    public static AnalysisSummary of(
            String analysisId,
            String fileId,
            String fileName,
            Instant createdAt,
            int sweep,
            int channel,
            String filter,
            AnalysisResult r) {
        return new AnalysisSummary(
                analysisId,
                fileId,
                fileName,
                createdAt,
                r.mode().label(),
                sweep,
                channel,
                r.startingPoint(),
                r.provenance() == null ? null : r.provenance().startingPoint(),
                filter,
                r.v0Mv(),
                r.v2Mv(),
                r.qHyperpolPc(),
                r.qDepolPc(),
                r.capacitanceNf(),
                false,
                AdjustmentsBody.NONE);
    }

    /** This line after new adjustments, with the adjusted result's charges. */
    AnalysisSummary adjustedTo(AdjustmentsBody body, AnalysisResult adjusted) {
        return new AnalysisSummary(
                analysisId,
                fileId,
                fileName,
                createdAt,
                mode,
                sweep,
                channel,
                startingPoint,
                startingPointRequested,
                filter,
                v0Mv,
                v2Mv,
                adjusted.qHyperpolPc(),
                adjusted.qDepolPc(),
                adjusted.capacitanceNf(),
                !body.isEmpty(),
                body);
    }
}
