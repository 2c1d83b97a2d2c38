package org.signalanalyzer.dsp.analysis.chargevoltage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.signalanalyzer.dsp.analysis.AnalysisMode;

/**
 * Every set's charge–voltage result, with what produced it.
 *
 * @param mode          the analysis mode of the per-file analyses ({@code null} when they were given, mixed)
 * @param fittedCharge  which charge the Boltzmann fit uses (always "qDepolPc": Q_on, see docs/charge-voltage.md)
 * @param software      the software version
 */
@JsonPropertyOrder({"mode", "fittedCharge", "model", "software", "sets"})
public record ChargeVoltageResult(AnalysisMode mode, List<ChargeVoltageSet> sets, String software) {

    public static final String FITTED_CHARGE = "qDepolPc";
    public static final String MODEL = "Q(V) = Qmax / (1 + exp(-(V - Vhalf) / k))";

    private static final ObjectMapper JSON = new ObjectMapper();

    public ChargeVoltageResult {
        sets = List.copyOf(sets);
    }

    @JsonProperty("fittedCharge")
    public String fittedCharge() {
        return FITTED_CHARGE;
    }

    @JsonProperty("model")
    public String model() {
        return MODEL;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a charge-voltage result could not be written as JSON", e);
        }
    }

    public String toPrettyJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a charge-voltage result could not be written as JSON", e);
        }
    }
}
