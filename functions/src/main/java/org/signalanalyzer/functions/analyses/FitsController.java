package org.signalanalyzer.functions.analyses;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.CurveFit;
import org.signalanalyzer.dsp.analysis.CurveFits;
import org.signalanalyzer.dsp.analysis.FitDidNotConvergeException;
import org.signalanalyzer.dsp.analysis.FitModel;
import org.signalanalyzer.dsp.analysis.ResultCurves;
import org.signalanalyzer.functions.sessions.Caller;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.web.ApiException;
import org.signalanalyzer.functions.web.ComputesFromRecording;

/**
 * The desktop's manual fits on a purple curve of a stored result as adjusted (after any subtracted line; shared-dsp's
 * CurveFits); nothing is stored (a preview; accepting a fit is the adjustments call).
 */
@Controller("/api/sessions/{sessionId}/analyses/{analysisId}/fits")
public class FitsController {

    private final AnalysisStore analyses;

    public FitsController(AnalysisStore analyses) {
        this.analyses = analyses;
    }

    /** timeMs: the fitted points on the curve's display axis (docs/api.md DisplayCurve), as the plot draws them. */
    @Serdeable
    public record Fit(
            String curve,
            String model,
            int from,
            int to,
            Map<String, Double> parameters,
            Map<String, String> units,
            double rSquared,
            List<String> warnings,
            double[] timesS,
            double[] timeMs,
            double[] fitted) {
        static Fit of(CurveFit f, double originS) {
            double[] t = f.timesS();
            double[] ms = new double[t.length];
            for (int i = 0; i < t.length; i++) ms[i] = (t[i] - originS) * 1000;
            return new Fit(
                    f.curve(),
                    f.model().label(),
                    f.from(),
                    f.to(),
                    f.parameters(),
                    f.model().parameterUnits(),
                    f.rSquared(),
                    f.warnings(),
                    t,
                    ms,
                    f.fitted());
        }
    }

    /** The body: which purple curve, which model, the inclusive point indices to fit. */
    public record FitRequest(String curve, String model, int from, int to) {
        static FitRequest from(JsonNode root) {
            String curve = RequestJson.requiredText(root, "curve");
            String model = RequestJson.requiredText(root, "model");
            if (!root.hasNonNull("from") || !root.hasNonNull("to")) {
                throw ApiException.invalid("'from' and 'to' are required: the inclusive point indices to fit.");
            }
            return new FitRequest(
                    curve, model, RequestJson.optionalInt(root, "from", 0), RequestJson.optionalInt(root, "to", 0));
        }
    }

    @ComputesFromRecording
    @Post
    public Fit fit(@Caller Session session, String analysisId, @Body String body) {
        FitRequest request = FitRequest.from(RequestJson.parse(body));
        AnalysisResult result = analyses.adjusted(session, analysisId);
        try {
            CurveFit f = CurveFits.fit(
                    result, request.curve(), FitModel.parse(request.model()), request.from(), request.to());
            return Fit.of(f, ResultCurves.originS(result, request.curve()));
        } catch (FitDidNotConvergeException e) {
            throw ApiException.analysisFailed(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        } catch (IllegalStateException | ArithmeticException e) {
            throw ApiException.analysisFailed("The fit did not converge: " + e.getMessage());
        }
    }
}
