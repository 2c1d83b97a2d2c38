package org.signalanalyzer.dsp.analysis.chargevoltage;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One file of a set.
 *
 * @param id          the caller's key for the file (the API's file id, the CLI's file name); exclusions name it
 * @param v2Mv        the test voltage the analysis used: measured on the voltage channel where the recording has
 *                    one (standard mode), else the named one
 * @param namedV2Mv   the voltage from the file name or the user's assignment
 * @param qDepolPc    the charge on the step to V2 (Q_on): the charge fitted
 * @param qHyperpolPc the charge on the return to V0 (Q_off, opposite in sign to Q_on for a pure capacitive charge)
 * @param excluded    left out of the fit by the user (still shown)
 */
@JsonPropertyOrder({"id", "file", "v2Mv", "namedV2Mv", "qDepolPc", "qHyperpolPc", "capacitanceNf", "excluded"})
public record ChargeVoltagePoint(
        String id,
        String file,
        double v2Mv,
        double namedV2Mv,
        double qDepolPc,
        double qHyperpolPc,
        double capacitanceNf,
        boolean excluded) {}
