package org.signalanalyzer.dsp.export;

import java.util.List;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.ScatterStyle;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.signalanalyzer.dsp.analysis.chargevoltage.BoltzmannFit;
import org.signalanalyzer.dsp.analysis.chargevoltage.ChargeVoltagePoint;
import org.signalanalyzer.dsp.analysis.chargevoltage.ChargeVoltageResult;
import org.signalanalyzer.dsp.analysis.chargevoltage.ChargeVoltageSet;

/**
 * A set's charge–voltage summary sheet in its lab workbook (docs/charge-voltage.md): the points, the Boltzmann fit
 * with its standard errors and 95 % intervals (or why there is none), the fitted curve's values below, and a native
 * scatter chart of Q_depol against V2 with the curve beside the points. It comes after the per-file sheets, so the lab's own sheets that read
 * those by position still find them.
 */
final class ChargeVoltageSheet {

    static final String NAME = "Q-V summary";
    static final int POINTS_HEADER_ROW = 4;
    /** The fitted curve's values (V2, Q) are in columns A and B, under this header, below the fit. */
    static final String CURVE_HEADER = "Fitted curve";
    /** The chart sits to the right of the points table. */
    static final int CHART_COLUMN = 7;

    private ChargeVoltageSheet() {}

    static void fill(SheetWriter w, ChargeVoltageSet set) {
        w.text(0, 0, "Charge-voltage summary, set " + set.set(), true);
        note(w, 1, "Fitted: Q_depol (Q_on, the charge on the step to V2, pC) against V2 (mV)");
        note(w, 2, "Model: " + ChargeVoltageResult.MODEL);
        List<String> header = List.of("File", "V2 (mV)", "Q_depol (pC)", "Q_hyperpol (pC)", "C (nF)", "In fit");
        for (int c = 0; c < header.size(); c++) w.text(POINTS_HEADER_ROW, c, header.get(c), true);
        int row = POINTS_HEADER_ROW + 1;
        for (ChargeVoltagePoint p : set.points()) {
            w.text(row, 0, p.file());
            w.number(row, 1, p.v2Mv(), NumberFormat.THREE_DECIMALS);
            w.number(row, 2, p.qDepolPc(), NumberFormat.SEVEN_DECIMALS);
            w.number(row, 3, p.qHyperpolPc(), NumberFormat.SEVEN_DECIMALS);
            w.number(row, 4, p.capacitanceNf(), NumberFormat.SEVEN_DECIMALS);
            w.text(row, 5, p.excluded() ? "no" : "yes");
            row++;
        }
        int lastPointRow = row - 1;
        row++;
        w.text(row++, 0, "Boltzmann fit", true);
        BoltzmannFit f = set.boltzmann();
        if (f == null) {
            note(
                    w,
                    row,
                    "No fit (" + set.refusal().reason().code() + "): "
                            + set.refusal().message());
        } else {
            List<String> fitHeader = List.of("Parameter", "Estimate", "Std. error", "95% CI low", "95% CI high");
            for (int c = 0; c < fitHeader.size(); c++) w.text(row, c, fitHeader.get(c), true);
            row++;
            parameter(
                    w,
                    row++,
                    "Qmax (pC)",
                    f.qMaxPc(),
                    f.standardErrors().qMaxPc(),
                    f.ci95().qMaxPc());
            parameter(
                    w,
                    row++,
                    "V½ (mV)",
                    f.vHalfMv(),
                    f.standardErrors().vHalfMv(),
                    f.ci95().vHalfMv());
            parameter(
                    w,
                    row++,
                    "k (mV)",
                    f.slopeMv(),
                    f.standardErrors().slopeMv(),
                    f.ci95().slopeMv());
            w.text(row, 0, "R²");
            w.number(row++, 1, f.r2(), NumberFormat.GENERAL);
            w.text(row, 0, "Points in fit");
            w.number(row++, 1, f.points(), NumberFormat.WHOLE);
            w.text(row, 0, "Degrees of freedom");
            w.number(row++, 1, f.degreesOfFreedom(), NumberFormat.WHOLE);
            note(w, row, "95% CI: estimate ± t(0.975, n − 3) × standard error from the fit's covariance");
            int curveRow = row + 2;
            curve(w, set, curveRow);
            chart(w, set, lastPointRow, curveRow + 2);
        }
        w.fitColumns();
        // Landscape, one page wide: a printout or PDF shows the tables and the chart side by side, whole.
        w.sheet().getPrintSetup().setLandscape(true);
        w.sheet().setFitToPage(true);
        w.sheet().getPrintSetup().setFitWidth((short) 1);
        w.sheet().getPrintSetup().setFitHeight((short) 0);
    }

    /** A sentence that runs across the empty cells to its right; left out of the column widths. */
    private static void note(SheetWriter w, int row, String text) {
        var r = w.sheet().getRow(row) == null
                ? w.sheet().createRow(row)
                : w.sheet().getRow(row);
        r.createCell(0).setCellValue(text);
    }

    private static void parameter(SheetWriter w, int row, String name, double estimate, double se, double[] ci) {
        w.text(row, 0, name);
        w.number(row, 1, estimate, NumberFormat.GENERAL);
        w.number(row, 2, se, NumberFormat.GENERAL);
        w.number(row, 3, ci[0], NumberFormat.GENERAL);
        w.number(row, 4, ci[1], NumberFormat.GENERAL);
    }

    private static void curve(SheetWriter w, ChargeVoltageSet set, int row) {
        w.text(row, 0, CURVE_HEADER, true);
        w.text(row + 1, 0, "V2 (mV)", true);
        w.text(row + 1, 1, "Q (pC)", true);
        double[] v = set.curve().v2Mv();
        double[] q = set.curve().values();
        for (int i = 0; i < v.length; i++) {
            w.number(row + 2 + i, 0, v[i], NumberFormat.THREE_DECIMALS);
            w.number(row + 2 + i, 1, q[i], NumberFormat.SEVEN_DECIMALS);
        }
    }

    /** Points as markers without a line, the curve as a line without markers. */
    private static void chart(SheetWriter w, ChargeVoltageSet set, int lastPointRow, int curveFirstRow) {
        XSSFDrawing drawing = w.sheet().createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, CHART_COLUMN, 1, CHART_COLUMN + 9, 28);
        ScatterChart chart = new ScatterChart(
                drawing, anchor, "Q-V, set " + set.set(), "V2 (mV)", "Q_depol (pC)", ScatterStyle.LINE_MARKER);
        int first = POINTS_HEADER_ROW + 1;
        chart.markers(
                ScatterChart.column(w.sheet(), first, lastPointRow, 1),
                ScatterChart.column(w.sheet(), first, lastPointRow, 2),
                "Q_depol",
                MarkerStyle.CIRCLE);
        int curveLast = curveFirstRow + set.curve().v2Mv().length - 1;
        chart.line(
                ScatterChart.column(w.sheet(), curveFirstRow, curveLast, 0),
                ScatterChart.column(w.sheet(), curveFirstRow, curveLast, 1),
                "Boltzmann fit",
                PresetColor.DARK_ORANGE);
        chart.plot("0", "0.0");
        // LibreOffice pads the shorter series to the longer one's length and, unless told to leave gaps, draws the
        // padding as points at (0, 0).
        chart.chart.displayBlanksAs(DisplayBlanks.GAP);
    }
}
