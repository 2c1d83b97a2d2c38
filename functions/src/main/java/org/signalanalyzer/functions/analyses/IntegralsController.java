package org.signalanalyzer.functions.analyses;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.Integrals;
import org.signalanalyzer.dsp.analysis.IntegrationRanges;
import org.signalanalyzer.functions.sessions.Caller;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.web.ApiException;

/**
 * Integrals of a stored result over new ranges, on its curves as adjusted (after any subtracted line): shared-dsp
 * recomputes them, nothing is rerun or stored (a preview; the adjustments call keeps them).
 */
@Controller("/api/sessions/{sessionId}/analyses/{analysisId}/integrals")
public class IntegralsController {

    private final AnalysisStore analyses;

    public IntegralsController(AnalysisStore analyses) {
        this.analyses = analyses;
    }

    @Serdeable
    public record Ranges(String unit, double[] hyperpol, double[] depol) {}

    @Serdeable
    public record Charges(double qHyperpolPc, double qDepolPc, double capacitanceNf, Ranges ranges) {}

    @Post
    public Charges integrals(@Caller Session session, String analysisId, @Body String body) {
        JsonNode root = RequestJson.parse(body);
        AnalysisResult result = analyses.adjusted(session, analysisId);
        IntegrationRanges ranges = AdjustmentsBody.PairRanges.from(root, "").toDsp(result.mode());
        Integrals.Charges c;
        try {
            c = Integrals.of(result, ranges);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
        return new Charges(
                c.qHyperpolPc(),
                c.qDepolPc(),
                c.capacitanceNf(),
                new Ranges(ranges.unit().label(), ranges.hyperpol(), ranges.depol()));
    }
}
