package org.signalanalyzer.dsp.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.signalanalyzer.dsp.analysis.chargevoltage.BoltzmannFit;
import org.signalanalyzer.dsp.analysis.chargevoltage.ChargeVoltageAnalysis;
import org.signalanalyzer.dsp.analysis.chargevoltage.ChargeVoltagePoint;
import org.signalanalyzer.dsp.analysis.chargevoltage.ChargeVoltageResult;
import org.signalanalyzer.dsp.analysis.chargevoltage.ChargeVoltageSet;
import org.signalanalyzer.dsp.analysis.chargevoltage.SetAssignment;
import org.signalanalyzer.dsp.analysis.chargevoltage.SetMembership;

/**
 * The charge–voltage tables of the tidy CSV export: one row per point ({@value #POINTS_FILE}) and one per set
 * ({@value #FITS_FILE}). Analyses whose file names tell no set are left out of these two (they are in the others);
 * with none, the files hold just their header, so the zip's contents do not depend on the names.
 */
final class ChargeVoltageCsv {

    static final String POINTS_FILE = "qv_points.csv";
    static final String FITS_FILE = "qv_fits.csv";

    static final List<String> POINT_COLUMNS = List.of(
            "set",
            "analysis",
            "file",
            "v2_mv",
            "named_v2_mv",
            "q_depol_pc",
            "q_hyperpol_pc",
            "capacitance_nf",
            "in_fit");

    static final List<String> FIT_COLUMNS = List.of(
            "set",
            "status",
            "refusal_reason",
            "refusal_message",
            "points",
            "degrees_of_freedom",
            "q_max_pc",
            "q_max_se_pc",
            "q_max_ci95_low_pc",
            "q_max_ci95_high_pc",
            "v_half_mv",
            "v_half_se_mv",
            "v_half_ci95_low_mv",
            "v_half_ci95_high_mv",
            "slope_mv",
            "slope_se_mv",
            "slope_ci95_low_mv",
            "slope_ci95_high_mv",
            "r2",
            "rms_residual_pc",
            "fitted_charge");

    private ChargeVoltageCsv() {}

    /** The sets of the analyses whose names tell one, each analysis at the V2 it used. */
    static ChargeVoltageResult sets(List<NamedAnalysis> analyses) {
        // A set given explicitly (export's "sets", the CLI's --set-of) wins over the name, as in the lab sheets.
        List<NamedAnalysis> members = analyses.stream()
                .filter(a -> a.set() != null || SetMembership.identifies(a.fileName()))
                .toList();
        List<ChargeVoltageAnalysis.Analysed> named = members.stream()
                .map(a -> new ChargeVoltageAnalysis.Analysed(a.name(), a.fileName(), a.result()))
                .toList();
        if (named.isEmpty()) return new ChargeVoltageResult(null, List.of(), null);
        Map<String, SetAssignment> assigned = new HashMap<>();
        for (NamedAnalysis a : members) {
            if (a.set() != null) assigned.put(a.name(), new SetAssignment(String.valueOf(a.set()), null));
        }
        return ChargeVoltageAnalysis.fromResults(named, assigned, Set.of());
    }

    /** One lab set's summary (its members all tell the same set). */
    static ChargeVoltageSet setOf(List<NamedAnalysis> members) {
        List<ChargeVoltageSet> sets = sets(members).sets();
        if (sets.size() != 1) throw new IllegalStateException("a lab set grouped into " + sets.size() + " sets");
        return sets.get(0);
    }

    static void writePoints(List<NamedAnalysis> analyses, OutputStream stream) throws IOException {
        CsvWriter csv = CsvWriter.table(stream, POINT_COLUMNS);
        for (ChargeVoltageSet s : sets(analyses).sets()) {
            for (ChargeVoltagePoint p : s.points()) {
                csv.text(s.set())
                        .text(p.id())
                        .text(p.file())
                        .exact(p.v2Mv())
                        .exact(p.namedV2Mv())
                        .exact(p.qDepolPc())
                        .exact(p.qHyperpolPc())
                        .exact(p.capacitanceNf())
                        .text(p.excluded() ? "false" : "true")
                        .endLine();
            }
        }
        csv.flush();
    }

    static void writeFits(List<NamedAnalysis> analyses, OutputStream stream) throws IOException {
        CsvWriter csv = CsvWriter.table(stream, FIT_COLUMNS);
        for (ChargeVoltageSet s : sets(analyses).sets()) {
            csv.text(s.set());
            BoltzmannFit f = s.boltzmann();
            if (f == null) {
                csv.text("refused")
                        .text(s.refusal().reason().code())
                        .text(s.refusal().message());
                csv.empty(FIT_COLUMNS.size() - 5); // the fit's columns, up to fitted_charge
            } else {
                csv.text("fitted").text(null).text(null).whole(f.points()).whole(f.degreesOfFreedom());
                parameter(csv, f.qMaxPc(), f.standardErrors().qMaxPc(), f.ci95().qMaxPc());
                parameter(
                        csv, f.vHalfMv(), f.standardErrors().vHalfMv(), f.ci95().vHalfMv());
                parameter(
                        csv, f.slopeMv(), f.standardErrors().slopeMv(), f.ci95().slopeMv());
                csv.exact(f.r2()).exact(f.rmsResidualPc());
            }
            csv.text("q_depol_pc").endLine();
        }
        csv.flush();
    }

    private static void parameter(CsvWriter csv, double estimate, double se, double[] ci) throws IOException {
        csv.exact(estimate).exact(se).exact(ci[0]).exact(ci[1]);
    }
}
