package org.signalanalyzer.dsp.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.ScatterStyle;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.signalanalyzer.dsp.analysis.Adjustments;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.CurveFit;
import org.signalanalyzer.dsp.analysis.IntegrationRanges;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.analysis.Provenance;
import org.signalanalyzer.dsp.analysis.desktop.StartingPointScore;

/**
 * Everything about one or more analyses in one workbook (the six-sheet docs/desktop-conventions.md#six-sheet-workbook filled with real
 * values): Provenance (what reproduces the numbers), Results (integrals, capacitance, starting point, fits),
 * Charts (the purple curves as native scatter charts), then one curve sheet per analysis.
 */
final class FullWorkbook {

    static final String PROVENANCE = "Provenance";
    static final String RESULTS = "Results";
    static final String CHARTS = "Charts";

    /** The curve sheet's columns: a time column (ms) then the values, per curve, side by side from column A. */
    static final List<String> CURVE_HEADERS = List.of(
            "Orange_time_ms",
            "Orange_pA",
            "Normalized_time_ms",
            "Normalized_pA_per_mV",
            "Average_time_ms",
            "Average_pA_per_mV",
            "Hyperpol_time_ms",
            "Hyperpol_pA",
            "Depol_time_ms",
            "Depol_pA");

    /** Row of the curve sheet's headers (0-based); the analysis's name is above it, the points below. */
    static final int CURVE_HEADER_ROW = 1;

    /** Rows a chart takes on the chart sheet, and its width in columns. */
    static final int CHART_ROWS = 22;

    static final int CHART_COLUMNS = 9;

    private FullWorkbook() {}

    static void write(List<NamedAnalysis> analyses, String exportedAt, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            SheetWriter.Styles styles = new SheetWriter.Styles(wb);
            provenance(new SheetWriter(wb.createSheet(PROVENANCE), styles), analyses, exportedAt);
            results(new SheetWriter(wb.createSheet(RESULTS), styles), analyses);
            // The chart sheet comes before the data it plots: a PDF export then keeps each chart whole on its page.
            XSSFSheet charts = wb.createSheet(CHARTS);
            printOnePageWide(charts);
            List<XSSFSheet> curveSheets = new ArrayList<>();
            for (int i = 0; i < analyses.size(); i++) {
                SheetWriter w = new SheetWriter(wb.createSheet(curveSheetName(i, analyses.get(i))), styles);
                curves(w, analyses.get(i));
                curveSheets.add(w.sheet());
            }
            for (int i = 0; i < analyses.size(); i++) chart(charts, i, analyses.get(i), curveSheets.get(i));
            wb.write(out);
        }
    }

    /** {@code Curves 1 <file>}: numbered so that two analyses of one file never clash. */
    static String curveSheetName(int index, NamedAnalysis a) {
        return SheetNames.safe("Curves " + (index + 1) + " " + FileNames.stem(a.name()), "");
    }

    // ---- Provenance: one row per item, one column per analysis (B, C, ...).

    private record Item(String label, Function<NamedAnalysis, Object> value) {}

    private static final List<Item> PROVENANCE_ITEMS = List.of(
            new Item("Analysis", NamedAnalysis::name),
            new Item("Input file", a -> p(a).inputFileName()),
            new Item("Input SHA-256", a -> p(a).inputSha256()),
            new Item("Sample rate (Hz)", a -> p(a).sampleRateHz()),
            new Item("Sweep (0-based)", a -> p(a).sweep()),
            new Item("Current channel (0-based)", a -> p(a).channel()),
            new Item("Voltage channel (0-based)", a -> p(a).voltageChannel()),
            new Item("Mode", a -> p(a).mode() == null ? null : p(a).mode().label()),
            new Item("n_cycles", a -> pp(a) == null ? null : pp(a).nCycles()),
            new Item("t0 (ms)", a -> pp(a) == null ? null : pp(a).t0Ms()),
            new Item("t1 (ms)", a -> pp(a) == null ? null : pp(a).t1Ms()),
            new Item("t2 (ms)", a -> pp(a) == null ? null : pp(a).t2Ms()),
            new Item("V0 (mV)", a -> pp(a) == null ? null : pp(a).v0Mv()),
            new Item("V1 (mV)", a -> pp(a) == null ? null : pp(a).v1Mv()),
            new Item("V2 (mV)", a -> pp(a) == null ? null : pp(a).v2Mv()),
            new Item("Starting point requested", a -> p(a).startingPoint()),
            new Item(
                    "Filter chain (JSON)",
                    a -> p(a).filterChain() == null
                            ? "none"
                            : p(a).filterChain().toString()),
            new Item("Filter application", a -> p(a).filterApplication()),
            new Item("Step onsets from", a -> p(a).onsetSource()),
            new Item(
                    "Integration ranges",
                    a -> a.result().ranges() == null
                            ? null
                            : a.result().ranges().toString()),
            new Item(
                    "Analysed ranges",
                    a -> a.result().analysed() == null || a.result().analysed().ranges() == null
                            ? null
                            : a.result().analysed().ranges().toString()),
            new Item("Accepted fits", a -> fitLines(a, false)),
            new Item("Subtracted lines", a -> fitLines(a, true)),
            new Item(
                    "Adjustments",
                    a -> a.result().isAdjusted()
                            ? String.join("\n", Adjustments.describe(a.result()))
                            : "none: as analysed"),
            new Item("Software version", a -> p(a).softwareVersion()),
            new Item("Analysed at", a -> p(a).runAt()),
            new Item("Notes", a -> String.join("\n", p(a).notes())));

    private static Provenance p(NamedAnalysis a) {
        Provenance p = a.result().provenance();
        if (p == null) throw new IllegalArgumentException("the analysis '" + a.name() + "' carries no provenance");
        return p;
    }

    private static ProtocolParameters pp(NamedAnalysis a) {
        return p(a).parameters();
    }

    private static String fitLines(NamedAnalysis a, boolean subtracted) {
        List<String> lines = a.result().fits().stream()
                .filter(f -> f.subtracted() == subtracted)
                .map(CurveFit::describe)
                .toList();
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static void provenance(SheetWriter w, List<NamedAnalysis> analyses, String exportedAt) {
        w.text(0, 0, "Exported at", true);
        w.text(0, 1, exportedAt);
        for (int i = 0; i < PROVENANCE_ITEMS.size(); i++) {
            Item item = PROVENANCE_ITEMS.get(i);
            int row = i + 2;
            w.text(row, 0, item.label(), true);
            for (int k = 0; k < analyses.size(); k++)
                value(w, row, k + 1, item.value().apply(analyses.get(k)));
        }
        w.fitColumns();
    }

    private static void value(SheetWriter w, int row, int col, Object v) {
        if (v == null) return;
        if (v instanceof Number n) {
            w.number(row, col, n.doubleValue(), NumberFormat.GENERAL);
        } else {
            w.text(row, col, v.toString());
        }
    }

    // ---- Results: one row per analysis, then the fits, then the automatic starting point's score tables.

    static final List<String> RESULT_HEADERS = List.of(
            "Analysis",
            "File",
            "Mode",
            "V0 (mV)",
            "V2 (mV)",
            "Baseline (pA)",
            "Starting point",
            "Starting point chosen",
            "Hyperpol onset (ms)",
            "Depol onset (ms)",
            "Range unit",
            "Hyperpol range start",
            "Hyperpol range end",
            "Depol range start",
            "Depol range end",
            "Q hyperpol (pC)",
            "Q depol (pC)",
            "Q hyperpol + Q depol (pC)",
            "Capacitance (nF)");

    private static void results(SheetWriter w, List<NamedAnalysis> analyses) {
        header(w, 0, RESULT_HEADERS);
        int row = 1;
        for (NamedAnalysis a : analyses) {
            AnalysisResult r = a.result();
            IntegrationRanges ranges = r.ranges();
            w.text(row, 0, a.name());
            w.text(row, 1, a.fileName());
            w.text(row, 2, r.mode() == null ? "" : r.mode().label());
            w.number(row, 3, r.v0Mv(), NumberFormat.GENERAL);
            w.number(row, 4, r.v2Mv(), NumberFormat.GENERAL);
            w.number(row, 5, r.baselinePa(), NumberFormat.GENERAL);
            value(w, row, 6, r.startingPoint());
            value(w, row, 7, r.startingPointSource());
            value(w, row, 8, Units.secondsToMs(r.hyperpolOnsetS()));
            value(w, row, 9, Units.secondsToMs(r.depolOnsetS()));
            if (ranges != null) {
                w.text(row, 10, ranges.unit().label());
                w.number(row, 11, ranges.hyperpol()[0], NumberFormat.GENERAL);
                w.number(row, 12, ranges.hyperpol()[1], NumberFormat.GENERAL);
                w.number(row, 13, ranges.depol()[0], NumberFormat.GENERAL);
                w.number(row, 14, ranges.depol()[1], NumberFormat.GENERAL);
            }
            w.number(row, 15, r.qHyperpolPc(), NumberFormat.GENERAL);
            w.number(row, 16, r.qDepolPc(), NumberFormat.GENERAL);
            w.number(row, 17, r.qHyperpolPc() + r.qDepolPc(), NumberFormat.GENERAL);
            w.number(row, 18, r.capacitanceNf(), NumberFormat.GENERAL);
            row++;
        }
        row = fits(w, row + 1, analyses);
        scores(w, row + 1, analyses);
        w.fitColumns();
    }

    static final List<String> FIT_HEADERS = List.of("Analysis", "Curve", "Model", "From index", "To index", "R²");
    static final List<String> FIT_TRAILING_HEADERS = List.of("Subtracted from the curve", "Warnings");

    /** The fits table; its parameter columns are the union of the fits' parameter names, sorted. */
    private static int fits(SheetWriter w, int row, List<NamedAnalysis> analyses) {
        w.text(row++, 0, "FITS", true);
        TreeSet<String> names = new TreeSet<>();
        for (NamedAnalysis a : analyses)
            for (CurveFit f : a.result().fits()) names.addAll(f.parameters().keySet());
        List<String> headers = new ArrayList<>(FIT_HEADERS);
        headers.addAll(names);
        headers.addAll(FIT_TRAILING_HEADERS);
        header(w, row++, headers);
        for (NamedAnalysis a : analyses) {
            for (CurveFit f : a.result().fits()) {
                w.text(row, 0, a.name());
                w.text(row, 1, f.curve());
                w.text(row, 2, f.model().label());
                w.number(row, 3, f.from(), NumberFormat.GENERAL);
                w.number(row, 4, f.to(), NumberFormat.GENERAL);
                w.number(row, 5, f.rSquared(), NumberFormat.GENERAL);
                int col = FIT_HEADERS.size();
                for (String n : names) {
                    Double v = f.parameters().get(n);
                    if (v != null) w.number(row, col, v, NumberFormat.GENERAL);
                    col++;
                }
                w.text(row, col, f.subtracted() ? "yes" : "no");
                value(w, row, col + 1, f.warnings().isEmpty() ? null : String.join("; ", f.warnings()));
                row++;
            }
        }
        return row;
    }

    static final List<String> SCORE_HEADERS =
            List.of("Analysis", "n", "Score", "Hyperpol smoothness", "Depol smoothness", "Left out because");

    private static void scores(SheetWriter w, int row, List<NamedAnalysis> analyses) {
        w.text(row++, 0, "AUTOMATIC STARTING POINT SCORES", true);
        header(w, row++, SCORE_HEADERS);
        for (NamedAnalysis a : analyses) {
            for (StartingPointScore s : a.result().startingPointScores()) {
                w.text(row, 0, a.name());
                w.number(row, 1, s.n(), NumberFormat.GENERAL);
                w.number(row, 2, s.score(), NumberFormat.GENERAL);
                w.number(row, 3, s.hyperpolSmoothness(), NumberFormat.GENERAL);
                w.number(row, 4, s.depolSmoothness(), NumberFormat.GENERAL);
                value(w, row, 5, s.leftOutBecause());
                row++;
            }
        }
    }

    private static void header(SheetWriter w, int row, List<String> labels) {
        for (int c = 0; c < labels.size(); c++) w.text(row, c, labels.get(c), true);
    }

    // ---- Curves: time (ms) and value column pairs.

    private static void curves(SheetWriter w, NamedAnalysis a) {
        AnalysisResult r = a.result();
        w.text(0, 0, "Analysis:", true);
        w.text(0, 1, a.name());
        header(w, CURVE_HEADER_ROW, CURVE_HEADERS);
        column(w, 0, Units.secondsToMs(r.orangeTimesS()), r.orange());
        column(w, 2, Units.secondsToMs(r.normalizedTimesS()), r.normalized());
        column(w, 4, Units.secondsToMs(r.averageTimesS()), r.average());
        column(w, 6, Units.secondsToMs(r.purpleHyperpolTimesS()), r.purpleHyperpol());
        column(w, 8, Units.secondsToMs(r.purpleDepolTimesS()), r.purpleDepol());
        w.fitColumns();
    }

    private static void column(SheetWriter w, int col, double[] timeMs, double[] values) {
        int n = Math.min(timeMs.length, values.length);
        for (int i = 0; i < n; i++) {
            w.number(CURVE_HEADER_ROW + 1 + i, col, timeMs[i], NumberFormat.THREE_DECIMALS);
            w.number(CURVE_HEADER_ROW + 1 + i, col + 1, values[i], NumberFormat.SEVEN_DECIMALS);
        }
    }

    // ---- Charts: the two purple curves of an analysis against time, one chart per analysis.

    private static void chart(XSSFSheet sheet, int index, NamedAnalysis a, XSSFSheet data) {
        AnalysisResult r = a.result();
        XSSFDrawing drawing =
                sheet.getDrawingPatriarch() == null ? sheet.createDrawingPatriarch() : sheet.getDrawingPatriarch();
        int top = index * CHART_ROWS;
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, CHART_COLUMNS, top + CHART_ROWS - 1);
        // A page per chart when printed: fitted to the page width, two charts would not fit one page's height.
        sheet.setRowBreak(top + CHART_ROWS - 1);
        ScatterChart chart = new ScatterChart(
                drawing, anchor, "Purple curves: " + a.name(), "Time (ms)", "Current (pA)", ScatterStyle.LINE);
        chart.y.setCrosses(AxisCrosses.AUTO_ZERO);
        // Purple currents are mostly negative: the tick labels stay at the edges (ScatterChart), not on the zero line.
        double[] span = timeSpanMs(r);
        if (span != null) {
            chart.x.setMinimum(span[0]);
            chart.x.setMaximum(span[1]);
        }
        series(chart, data, 6, r.purpleHyperpol().length, "Purple hyperpol", PresetColor.PURPLE);
        series(chart, data, 8, r.purpleDepol().length, "Purple depol", PresetColor.DARK_ORANGE);
        // Whole ms and pA on the axes.
        chart.plot("0", "0");
    }

    /** Landscape, scaled to the page width: a printout or PDF shows each chart whole. */
    private static void printOnePageWide(XSSFSheet sheet) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    /** The time axis spans both curves exactly, so the plot does not start at 0 ms with nothing to show. */
    private static double[] timeSpanMs(AnalysisResult r) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] t : List.of(r.purpleHyperpolTimesS(), r.purpleDepolTimesS())) {
            for (double s : t) {
                min = Math.min(min, s * 1000);
                max = Math.max(max, s * 1000);
            }
        }
        return min < max ? new double[] {Math.floor(min), Math.ceil(max)} : null;
    }

    private static void series(
            ScatterChart chart, XSSFSheet data, int timeColumn, int points, String title, PresetColor color) {
        if (points == 0) return;
        int first = CURVE_HEADER_ROW + 1;
        int last = first + points - 1;
        chart.line(
                ScatterChart.column(data, first, last, timeColumn),
                ScatterChart.column(data, first, last, timeColumn + 1),
                title,
                color);
    }
}
