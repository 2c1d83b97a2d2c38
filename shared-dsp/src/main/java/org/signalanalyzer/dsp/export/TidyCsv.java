package org.signalanalyzer.dsp.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.signalanalyzer.dsp.analysis.Adjustments;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.CurveFit;
import org.signalanalyzer.dsp.analysis.IntegrationRanges;
import org.signalanalyzer.dsp.analysis.Provenance;

/**
 * Comma-separated "tidy" tables for R and pandas: one row per analysis, and one row per curve point. Numbers are
 * written in full (shortest text that reads back to the same double); an absent value is an empty field.
 */
final class TidyCsv {

    static final String ANALYSES_FILE = "analyses.csv";
    static final String POINTS_FILE = "curve_points.csv";

    static final List<String> ANALYSIS_COLUMNS = List.of(
            "analysis",
            "file",
            "sha256",
            "mode",
            "v0_mv",
            "v2_mv",
            "baseline_pa",
            "starting_point",
            "starting_point_source",
            "range_unit",
            "hyperpol_range_start",
            "hyperpol_range_end",
            "depol_range_start",
            "depol_range_end",
            "q_hyperpol_pc",
            "q_depol_pc",
            "capacitance_nf",
            "depol_onset_ms",
            "hyperpol_onset_ms",
            "sample_rate_hz",
            "filter_chain",
            "software_version",
            "run_at",
            "adjusted",
            "analysed_q_hyperpol_pc",
            "analysed_q_depol_pc",
            "analysed_capacitance_nf",
            "adjustments");

    static final String FITS_FILE = "fits.csv";

    /** One row per fit parameter: long format, so models with different parameters share one table. */
    static final List<String> FIT_COLUMNS = List.of(
            "analysis",
            "fit",
            "curve",
            "model",
            "from_index",
            "to_index",
            "subtracted",
            "r_squared",
            "parameter",
            "value",
            "unit",
            "warnings");

    static final List<String> POINT_COLUMNS = List.of("analysis", "curve", "index", "time_ms", "value");

    /** Curve names in {@code curve_points.csv}; values in pA, except normalized and average in pA/mV. */
    static final List<String> CURVES = List.of("orange", "normalized", "average", "purple_hyperpol", "purple_depol");

    private TidyCsv() {}

    static void writeAnalyses(List<NamedAnalysis> analyses, OutputStream stream) throws IOException {
        CsvWriter csv = CsvWriter.table(stream, ANALYSIS_COLUMNS);
        for (NamedAnalysis a : analyses) {
            AnalysisResult r = a.result();
            Provenance p = r.provenance();
            IntegrationRanges ranges = r.ranges();
            csv.text(a.name())
                    .text(a.fileName())
                    .text(p == null ? null : p.inputSha256())
                    .text(r.mode() == null ? null : r.mode().label())
                    .exact(r.v0Mv())
                    .exact(r.v2Mv())
                    .exact(r.baselinePa());
            if (r.startingPoint() == null) csv.empty(1);
            else csv.whole(r.startingPoint());
            csv.text(r.startingPointSource());
            if (ranges == null) {
                csv.empty(5);
            } else {
                csv.text(ranges.unit().label())
                        .exact(ranges.hyperpol()[0])
                        .exact(ranges.hyperpol()[1])
                        .exact(ranges.depol()[0])
                        .exact(ranges.depol()[1]);
            }
            csv.exact(r.qHyperpolPc()).exact(r.qDepolPc()).exact(r.capacitanceNf());
            csv.exactOrEmpty(Units.secondsToMs(r.depolOnsetS())).exactOrEmpty(Units.secondsToMs(r.hyperpolOnsetS()));
            if (p == null) {
                csv.empty(4);
            } else {
                csv.exact(p.sampleRateHz())
                        .text(p.filterChain() == null ? null : p.filterChain().toString())
                        .text(p.softwareVersion())
                        .text(p.runAt());
            }
            csv.text(r.isAdjusted() ? "true" : "false");
            if (r.analysed() == null) {
                csv.empty(3);
            } else {
                csv.exact(r.analysed().qHyperpolPc())
                        .exact(r.analysed().qDepolPc())
                        .exact(r.analysed().capacitanceNf());
            }
            csv.text(String.join(" | ", Adjustments.describe(r)));
            csv.endLine();
        }
        csv.flush();
    }

    static void writeFits(List<NamedAnalysis> analyses, OutputStream stream) throws IOException {
        CsvWriter csv = CsvWriter.table(stream, FIT_COLUMNS);
        for (NamedAnalysis a : analyses) {
            List<CurveFit> fits = a.result().fits();
            for (int k = 0; k < fits.size(); k++) {
                CurveFit f = fits.get(k);
                for (var e : f.parameters().entrySet()) {
                    csv.text(a.name())
                            .whole(k)
                            .text(f.curve())
                            .text(f.model().label())
                            .whole(f.from())
                            .whole(f.to())
                            .text(f.subtracted() ? "true" : "false")
                            .exact(f.rSquared())
                            .text(e.getKey())
                            .exact(e.getValue())
                            .text(f.model().parameterUnits().get(e.getKey()))
                            .text(String.join(" | ", f.warnings()));
                    csv.endLine();
                }
            }
        }
        csv.flush();
    }

    static void writePoints(List<NamedAnalysis> analyses, OutputStream stream) throws IOException {
        CsvWriter csv = CsvWriter.table(stream, POINT_COLUMNS);
        for (NamedAnalysis a : analyses) {
            AnalysisResult r = a.result();
            points(csv, a.name(), CURVES.get(0), r.orangeTimesS(), r.orange());
            points(csv, a.name(), CURVES.get(1), r.normalizedTimesS(), r.normalized());
            points(csv, a.name(), CURVES.get(2), r.averageTimesS(), r.average());
            points(csv, a.name(), CURVES.get(3), r.purpleHyperpolTimesS(), r.purpleHyperpol());
            points(csv, a.name(), CURVES.get(4), r.purpleDepolTimesS(), r.purpleDepol());
        }
        csv.flush();
    }

    /** {@code index} is 0-based, as starting points and integration ranges count points everywhere else. */
    private static void points(CsvWriter csv, String analysis, String curve, double[] timesS, double[] values)
            throws IOException {
        double[] ms = Units.secondsToMs(timesS);
        int n = Math.min(ms.length, values.length);
        for (int i = 0; i < n; i++) {
            csv.text(analysis)
                    .text(curve)
                    .whole(i)
                    .exact(ms[i])
                    .exact(values[i])
                    .endLine();
        }
    }
}
