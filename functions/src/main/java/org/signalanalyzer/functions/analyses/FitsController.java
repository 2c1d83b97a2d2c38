package org.signalanalyzer.functions.analyses;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import org.signalanalyzer.dsp.analysis.CurveFit;
import org.signalanalyzer.dsp.analysis.CurveFits;
import org.signalanalyzer.dsp.analysis.FitModel;
import org.signalanalyzer.functions.api.ApiException;
import org.signalanalyzer.functions.api.SessionAccess;
import org.signalanalyzer.functions.store.Session;

/** The desktop's manual fits on a purple curve of a stored result (shared-dsp's CurveFits); nothing is stored. */
@Controller("/api/sessions/{sessionId}/analyses/{analysisId}/fits")
public class FitsController {

    private final SessionAccess access;
    private final AnalysisStore analyses;

    public FitsController(SessionAccess access, AnalysisStore analyses) {
        this.access = access;
        this.analyses = analyses;
    }

    @Serdeable
    public record Fit(String curve, String model, int from, int to, Map<String, Double> parameters, double rSquared,
                      double[] timesS, double[] fitted) {
        static Fit of(CurveFit f) {
            return new Fit(f.curve(), f.model().label(), f.from(), f.to(), f.parameters(), f.rSquared(), f.timesS(),
                    f.fitted());
        }
    }

    @Post
    public Fit fit(String sessionId, String analysisId, @Nullable @Header("Authorization") String authorization,
                   @Body String body) {
        Session session = access.open(sessionId, authorization);
        JsonNode root = RequestJson.parse(body);
        String curve = RequestJson.requiredText(root, "curve");
        String model = RequestJson.requiredText(root, "model");
        if (!root.hasNonNull("from") || !root.hasNonNull("to")) {
            throw ApiException.invalid("'from' and 'to' are required: the inclusive point indices to fit.");
        }
        int from = RequestJson.optionalInt(root, "from", 0);
        int to = RequestJson.optionalInt(root, "to", 0);
        try {
            return Fit.of(CurveFits.fit(analyses.result(session, analysisId), curve, FitModel.parse(model), from, to));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        } catch (IllegalStateException | ArithmeticException e) {
            throw ApiException.analysisFailed("The fit did not converge: " + e.getMessage());
        }
    }
}
