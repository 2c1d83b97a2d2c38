package org.signalanalyzer.dsp.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalanalyzer.dsp.export.LabWorkbookTest.label;
import static org.signalanalyzer.dsp.export.LabWorkbookTest.sheetNames;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFScatterChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.CurveFit;
import org.signalanalyzer.dsp.analysis.Provenance;

/** The full workbook read back: every sheet, label and value against the AnalysisResult it came from. */
class FullWorkbookTest {

    static final List<NamedAnalysis> TWO = List.of(
            Analyses.named("20230405_0521_1_-20mV.atf", -20, 1),
            new NamedAnalysis(
                    "20230405_0521_1_-20mV.atf (again)",
                    "20230405_0521_1_-20mV.atf",
                    Analyses.result("20230405_0521_1_-20mV.atf", -20, 2)));

    /** The two-analysis workbook, written once: every test reads it. */
    private static byte[] twoBytes;

    @BeforeAll
    static void write() throws Exception {
        twoBytes = fullWorkbook(TWO);
    }

    static byte[] fullWorkbook(List<NamedAnalysis> analyses) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportedFile f = new Exporter(LabWorkbookTest.CLOCK).write(Layout.FULL, analyses, out);
        assertEquals(
                analyses.size() == 1
                        ? "20230405_0521_1_-20mV_full_20261124_230509.xlsx"
                        : "Analyses_full_20261124_230509.xlsx",
                f.fileName());
        assertEquals(ExportedFile.XLSX, f.contentType());
        return out.toByteArray();
    }

    @Test
    void sheetsComeInOrderWithTheChartsBeforeTheirData() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(twoBytes))) {
            assertEquals(
                    List.of(
                            "Provenance",
                            "Results",
                            "Charts",
                            "Curves 1 20230405_0521_1_-20mV",
                            "Curves 2 20230405_0521_1_-20mV"),
                    sheetNames(wb));
        }
    }

    @Test
    void provenanceHoldsEverythingThatReproducesTheNumbers() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(twoBytes))) {
            XSSFSheet s = wb.getSheet("Provenance");
            label(s, 0, 0, "Exported at", true);
            label(s, 0, 1, "2026-11-24T23:05:09Z", false);
            List<String> labels = List.of(
                    "Analysis",
                    "Input file",
                    "Input SHA-256",
                    "Sample rate (Hz)",
                    "Sweep (0-based)",
                    "Current channel (0-based)",
                    "Voltage channel (0-based)",
                    "Mode",
                    "n_cycles",
                    "t0 (ms)",
                    "t1 (ms)",
                    "t2 (ms)",
                    "V0 (mV)",
                    "V1 (mV)",
                    "V2 (mV)",
                    "Starting point requested",
                    "Filter chain (JSON)",
                    "Filter application",
                    "Step onsets from",
                    "Integration ranges",
                    "Analysed ranges",
                    "Accepted fits",
                    "Subtracted lines",
                    "Adjustments",
                    "Software version",
                    "Analysed at",
                    "Notes");
            for (int i = 0; i < labels.size(); i++) label(s, i + 2, 0, labels.get(i), true);
            for (int k = 0; k < TWO.size(); k++) {
                NamedAnalysis a = TWO.get(k);
                Provenance p = a.result().provenance();
                int col = k + 1;
                label(s, 2, col, a.name(), false);
                label(s, 3, col, p.inputFileName(), false);
                label(s, 4, col, p.inputSha256(), false);
                assertEquals(p.sampleRateHz(), num(s, 5, col), 0.0);
                assertEquals(p.sweep(), num(s, 6, col), 0.0);
                assertEquals(p.channel(), num(s, 7, col), 0.0);
                assertEquals(null, s.getRow(8).getCell(col), "no voltage channel recorded");
                label(s, 9, col, "desktop", false);
                assertEquals(p.parameters().nCycles(), num(s, 10, col), 0.0);
                assertEquals(p.parameters().t0Ms(), num(s, 11, col), 0.0);
                assertEquals(p.parameters().t1Ms(), num(s, 12, col), 0.0);
                assertEquals(p.parameters().t2Ms(), num(s, 13, col), 0.0);
                assertEquals(p.parameters().v0Mv(), num(s, 14, col), 0.0);
                assertEquals(p.parameters().v1Mv(), num(s, 15, col), 0.0);
                assertEquals(p.parameters().v2Mv(), num(s, 16, col), 0.0);
                label(s, 17, col, "35", false);
                label(s, 18, col, p.filterChain().toString(), false);
                label(s, 19, col, p.filterApplication(), false);
                label(s, 21, col, "points hyperpol [0.0, 200.0] depol [0.0, 200.0]", false);
                assertEquals(null, s.getRow(22).getCell(col), "nothing adjusted: no analysed ranges apart");
                label(s, 25, col, "none: as analysed", false);
                label(s, 26, col, "0.1.0", false);
                label(s, 27, col, "2026-11-24T23:00:00Z", false);
                label(s, 28, col, "spike fix moved 11 points\nsecond note; with a semicolon", false);
            }
            LabWorkbookTest.checkWidths(s);
        }
    }

    @Test
    void resultsHoldTheIntegralsCapacitanceStartingPointAndFits() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(twoBytes))) {
            XSSFSheet s = wb.getSheet("Results");
            for (int c = 0; c < FullWorkbook.RESULT_HEADERS.size(); c++) {
                label(s, 0, c, FullWorkbook.RESULT_HEADERS.get(c), true);
            }
            assertEquals("Q hyperpol (pC)", FullWorkbook.RESULT_HEADERS.get(15));
            for (int k = 0; k < TWO.size(); k++) {
                AnalysisResult r = TWO.get(k).result();
                int row = k + 1;
                label(s, row, 0, TWO.get(k).name(), false);
                label(s, row, 1, "20230405_0521_1_-20mV.atf", false);
                label(s, row, 2, "desktop", false);
                assertEquals(r.v0Mv(), num(s, row, 3), 0.0);
                assertEquals(r.v2Mv(), num(s, row, 4), 0.0);
                assertEquals(r.baselinePa(), num(s, row, 5), 0.0);
                assertEquals(35, num(s, row, 6), 0.0);
                label(s, row, 7, "given", false);
                label(s, row, 10, "points", false);
                assertEquals(0, num(s, row, 11), 0.0);
                assertEquals(200, num(s, row, 12), 0.0);
                assertEquals(0, num(s, row, 13), 0.0);
                assertEquals(200, num(s, row, 14), 0.0);
                assertEquals(r.qHyperpolPc(), num(s, row, 15), 0.0);
                assertEquals(r.qDepolPc(), num(s, row, 16), 0.0);
                assertEquals(r.qHyperpolPc() + r.qDepolPc(), num(s, row, 17), 0.0);
                assertEquals(r.capacitanceNf(), num(s, row, 18), 0.0);
            }
            // fits: a title, headers (fixed ones, then the parameter names sorted), one row per fit
            label(s, 4, 0, "FITS", true);
            List<String> fitHeaders = new ArrayList<>(FullWorkbook.FIT_HEADERS);
            fitHeaders.addAll(List.of("amplitude", "intercept", "offset", "slope", "tauMs"));
            for (int c = 0; c < fitHeaders.size(); c++) label(s, 5, c, fitHeaders.get(c), true);
            int row = 6;
            for (NamedAnalysis a : TWO) {
                for (CurveFit f : a.result().fits()) {
                    label(s, row, 0, a.name(), false);
                    label(s, row, 1, f.curve(), false);
                    label(s, row, 2, f.model().label(), false);
                    assertEquals(f.from(), num(s, row, 3), 0.0);
                    assertEquals(f.to(), num(s, row, 4), 0.0);
                    assertEquals(f.rSquared(), num(s, row, 5), 0.0);
                    for (int c = 6; c < fitHeaders.size(); c++) {
                        Double v = f.parameters().get(fitHeaders.get(c));
                        Cell cell = s.getRow(row).getCell(c);
                        if (v == null) assertEquals(null, cell);
                        else assertEquals(v, cell.getNumericCellValue(), 0.0);
                    }
                    row++;
                }
            }
            label(s, row + 1, 0, "AUTOMATIC STARTING POINT SCORES", true);
            for (int c = 0; c < FullWorkbook.SCORE_HEADERS.size(); c++) {
                label(s, row + 2, c, FullWorkbook.SCORE_HEADERS.get(c), true);
            }
            label(s, row + 3, 0, TWO.get(0).name(), false);
            assertEquals(10, num(s, row + 3, 1), 0.0);
            assertEquals(0.61, num(s, row + 3, 2), 0.0);
            label(s, row + 4, 5, "orange curve too short", false);
            LabWorkbookTest.checkWidths(s);
        }
    }

    @Test
    void curveSheetsHoldEveryPointWithTimesInMs() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(twoBytes))) {
            for (int k = 0; k < TWO.size(); k++) {
                AnalysisResult r = TWO.get(k).result();
                XSSFSheet s = wb.getSheetAt(3 + k);
                label(s, 0, 0, "Analysis:", true);
                label(s, 0, 1, TWO.get(k).name(), false);
                for (int c = 0; c < FullWorkbook.CURVE_HEADERS.size(); c++) {
                    label(s, 1, c, FullWorkbook.CURVE_HEADERS.get(c), true);
                }
                column(s, 0, r.orangeTimesS(), r.orange());
                column(s, 2, r.normalizedTimesS(), r.normalized());
                column(s, 4, r.averageTimesS(), r.average());
                column(s, 6, r.purpleHyperpolTimesS(), r.purpleHyperpol());
                column(s, 8, r.purpleDepolTimesS(), r.purpleDepol());
                assertEquals(2 + r.orange().length - 1, s.getLastRowNum());
            }
        }
    }

    private static void column(XSSFSheet s, int col, double[] timesS, double[] values) {
        for (int i = 0; i < values.length; i++) {
            assertEquals(timesS[i] * 1000, num(s, 2 + i, col), Math.ulp(timesS[i] * 1000));
            assertEquals("0.000", s.getRow(2 + i).getCell(col).getCellStyle().getDataFormatString());
            assertEquals(values[i], num(s, 2 + i, col + 1), 0.0);
            assertEquals(
                    "0.0000000", s.getRow(2 + i).getCell(col + 1).getCellStyle().getDataFormatString());
        }
        assertTrue(
                s.getRow(2 + values.length) == null
                        || s.getRow(2 + values.length).getCell(col) == null,
                "nothing below the last point of column " + col);
    }

    @Test
    void eachAnalysisHasAScatterChartOfItsPurpleCurvesWithVisibleLines() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(twoBytes))) {
            XSSFSheet chartSheet = wb.getSheet("Charts");
            List<XSSFChart> charts = chartSheet.getDrawingPatriarch().getCharts();
            assertEquals(2, charts.size());
            assertArrayEquals(new int[] {21, 43}, chartSheet.getRowBreaks(), "a printed page per chart");
            assertTrue(chartSheet.getPrintSetup().getLandscape());
            for (int k = 0; k < 2; k++) {
                XSSFChart chart = charts.get(k);
                assertEquals(
                        "Purple curves: " + TWO.get(k).name(),
                        chart.getTitleText().getString());
                List<XDDFChartData> data = chart.getChartSeries();
                assertEquals(1, data.size());
                XDDFScatterChartData scatter = assertInstanceOf(XDDFScatterChartData.class, data.get(0));
                assertEquals(2, scatter.getSeriesCount());
                String sheet = "'Curves " + (k + 1) + " 20230405_0521_1_-20mV'!";
                String[][] refs = {
                    {"$G$3:$G$201", "$H$3:$H$201", "Purple hyperpol"},
                    {"$I$3:$I$201", "$J$3:$J$201", "Purple depol"}
                };
                for (int i = 0; i < 2; i++) {
                    XDDFScatterChartData.Series series = (XDDFScatterChartData.Series) scatter.getSeries(i);
                    assertEquals(sheet + refs[i][0], series.getCategoryData().getDataRangeReference());
                    assertEquals(sheet + refs[i][1], series.getValuesData().getDataRangeReference());
                    assertEquals(refs[i][2], series.getCTScatterSer().getTx().getV());
                    XDDFLineProperties line = series.getShapeProperties().getLineProperties();
                    assertNotNull(line, "LibreOffice draws no line without explicit line properties");
                    assertInstanceOf(XDDFSolidFillProperties.class, line.getFillProperties());
                    assertEquals(1.5, line.getWidth(), 0.0);
                }
            }
        }
    }

    private static double num(XSSFSheet s, int row, int col) {
        return s.getRow(row).getCell(col).getNumericCellValue();
    }
}
