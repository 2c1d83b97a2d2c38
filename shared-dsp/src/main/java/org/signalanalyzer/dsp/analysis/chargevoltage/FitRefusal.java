package org.signalanalyzer.dsp.analysis.chargevoltage;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a set's points support no Boltzmann fit: a code a program can branch on and a sentence a person can act on. */
public record FitRefusal(Reason reason, String message) {

    public enum Reason {
        /** Fewer than four distinct voltages: three parameters need at least one degree of freedom. */
        TOO_FEW_VOLTAGES,
        /** The points do not show the sigmoid: flat, or the range does not reach from V½ − |k| to V½ + |k|. */
        NO_TRANSITION,
        /** The least-squares search did not converge. */
        NOT_CONVERGED,
        /** The parameters are not separately determined by the points (the covariance cannot be computed). */
        SINGULAR_COVARIANCE;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
