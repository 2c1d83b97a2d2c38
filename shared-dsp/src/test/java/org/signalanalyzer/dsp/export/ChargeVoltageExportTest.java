package org.signalanalyzer.dsp.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.analysis.SyntheticChargeVoltageCell;
import org.signalanalyzer.dsp.analysis.chargevoltage.BoltzmannFit;
import org.signalanalyzer.dsp.analysis.chargevoltage.ChargeVoltageAnalysis;
import org.signalanalyzer.dsp.analysis.chargevoltage.ChargeVoltageSet;

/**
 * The charge–voltage parts of the exports, read back: the lab workbook's summary sheet (points, fit, CIs, a scatter
 * chart of points and curve) and the tidy CSV's qv tables. Reference: the set analysis of the same results.
 */
class ChargeVoltageExportTest {

    static final double[] VOLTAGES = {-70, -55, -40, -30, -20, -10, 5, 30};
    static List<NamedAnalysis> set3 = new ArrayList<>();
    static ChargeVoltageSet expected;

    /** A synthetic cell's set (named as set 3) analysed in standard mode at 20 kHz, plus a two-file set 4. */
    static List<NamedAnalysis> analyses() throws Exception {
        if (!set3.isEmpty()) return set3;
        SyntheticChargeVoltageCell cell = new SyntheticChargeVoltageCell();
        cell.fs = 20_000;
        int n = 10;
        for (double v : VOLTAGES) {
            String name = String.format(Locale.ROOT, "20240611_%04d_3_%dmV.atf", n++, (int) v);
            AnalysisRequest req =
                    new AnalysisRequest(AnalysisMode.STANDARD, cell.parameters(v), null, null, null, 0, 0, null);
            AnalysisResult r =
                    StepProtocolAnalysis.run(cell.recording(v), req, new StepProtocolAnalysis.Input(name, "none"));
            set3.add(new NamedAnalysis(name, name, r));
        }
        expected = ChargeVoltageAnalysis.fromResults(
                        set3.stream()
                                .map(a -> new ChargeVoltageAnalysis.Analysed(a.name(), a.fileName(), a.result()))
                                .toList(),
                        Map.of(),
                        Set.of())
                .sets()
                .get(0);
        return set3;
    }

    @BeforeAll
    static void build() throws Exception {
        analyses();
    }

    @Test
    void theLabWorkbookEndsWithTheSetsSummarySheet() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportedFile f = new Exporter(LabWorkbookTest.CLOCK).write(Layout.LAB_SETS, set3, out);
        assertEquals("Set_3_20261124_230509.xlsx", f.fileName());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(VOLTAGES.length + 1, wb.getNumberOfSheets());
            assertEquals("20240611_0010", wb.getSheetName(0), "the per-file sheets stay where the lab reads them");
            XSSFSheet s = wb.getSheetAt(VOLTAGES.length);
            assertEquals(ChargeVoltageSheet.NAME, s.getSheetName());
            assertEquals("Charge-voltage summary, set 3", s.getRow(0).getCell(0).getStringCellValue());
            int first = ChargeVoltageSheet.POINTS_HEADER_ROW + 1;
            assertEquals("V2 (mV)", s.getRow(first - 1).getCell(1).getStringCellValue());
            for (int i = 0; i < VOLTAGES.length; i++) {
                var p = expected.points().get(i);
                var row = s.getRow(first + i);
                assertEquals(p.file(), row.getCell(0).getStringCellValue());
                assertEquals(p.v2Mv(), row.getCell(1).getNumericCellValue(), 0);
                assertEquals(p.qDepolPc(), row.getCell(2).getNumericCellValue(), 0);
                assertEquals(p.qHyperpolPc(), row.getCell(3).getNumericCellValue(), 0);
                assertEquals(p.capacitanceNf(), row.getCell(4).getNumericCellValue(), 0);
                assertEquals("yes", row.getCell(5).getStringCellValue());
            }
            int fit = first + VOLTAGES.length + 1;
            assertEquals("Boltzmann fit", s.getRow(fit).getCell(0).getStringCellValue());
            assertEquals("95% CI low", s.getRow(fit + 1).getCell(3).getStringCellValue());
            BoltzmannFit b = expected.boltzmann();
            assertNotNull(b);
            assertEquals("Qmax (pC)", s.getRow(fit + 2).getCell(0).getStringCellValue());
            assertEquals(b.qMaxPc(), s.getRow(fit + 2).getCell(1).getNumericCellValue(), 0);
            assertEquals(
                    b.standardErrors().qMaxPc(), s.getRow(fit + 2).getCell(2).getNumericCellValue(), 0);
            assertEquals(b.vHalfMv(), s.getRow(fit + 3).getCell(1).getNumericCellValue(), 0);
            assertEquals(b.ci95().vHalfMv()[0], s.getRow(fit + 3).getCell(3).getNumericCellValue(), 0);
            assertEquals(b.ci95().vHalfMv()[1], s.getRow(fit + 3).getCell(4).getNumericCellValue(), 0);
            assertEquals(b.slopeMv(), s.getRow(fit + 4).getCell(1).getNumericCellValue(), 0);
            assertEquals(b.r2(), s.getRow(fit + 5).getCell(1).getNumericCellValue(), 0);
            // the cell's own parameters, through the workbook
            assertEquals(-25, s.getRow(fit + 3).getCell(1).getNumericCellValue(), 1.5);
            // the curve's values below the fit
            int curve = fit + 10;
            assertEquals(
                    ChargeVoltageSheet.CURVE_HEADER, s.getRow(curve).getCell(0).getStringCellValue());
            double v = s.getRow(curve + 2 + 50).getCell(0).getNumericCellValue();
            assertEquals(b.chargeAt(v), s.getRow(curve + 2 + 50).getCell(1).getNumericCellValue(), 1e-12);
            assertEquals(expected.curve().v2Mv()[50], v, 0);

            XSSFDrawing drawing = s.getDrawingPatriarch();
            assertNotNull(drawing, "the summary sheet has a chart");
            List<XSSFChart> charts = drawing.getCharts();
            assertEquals(1, charts.size());
            var scatter = charts.get(0).getCTChart().getPlotArea().getScatterChartArray(0);
            assertEquals(2, scatter.sizeOfSerArray(), "points and fitted curve");
            String sheetRef = "'" + ChargeVoltageSheet.NAME + "'!";
            assertEquals(
                    sheetRef + "$B$" + (first + 1) + ":$B$" + (first + VOLTAGES.length),
                    scatter.getSerArray(0).getXVal().getNumRef().getF());
            assertEquals(
                    sheetRef + "$B$" + (curve + 3) + ":$B$" + (curve + 2 + ChargeVoltageSet.CURVE_POINTS),
                    scatter.getSerArray(1).getYVal().getNumRef().getF());
            assertTrue(scatter.getSerArray(1).getSpPr().getLn().isSetSolidFill(), "the curve's line is explicit");
            assertTrue(scatter.getSerArray(0).getSpPr().getLn().isSetNoFill(), "the points are not joined");
            assertEquals(
                    "gap",
                    charts.get(0).getCTChart().getDispBlanksAs().getVal().toString(),
                    "LibreOffice draws a shorter series' padding at (0, 0) otherwise");
        }
    }

    @Test
    void aSetTooSmallToFitSaysWhyOnItsSheet() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(LabWorkbookTest.CLOCK)
                .write(
                        Layout.LAB_SETS,
                        List.of(
                                Analyses.named("20230405_0521_1_-20mV.atf", -20, 1),
                                Analyses.named("20230405_0522_1_-40mV.atf", -40, 2)),
                        out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet s = wb.getSheet(ChargeVoltageSheet.NAME);
            int fit = ChargeVoltageSheet.POINTS_HEADER_ROW + 1 + 2 + 1;
            String why = s.getRow(fit + 1).getCell(0).getStringCellValue();
            assertTrue(why.startsWith("No fit (too-few-voltages): ") && why.contains("at least 4"), why);
            assertEquals(
                    null,
                    s.getDrawingPatriarch() == null
                            ? null
                            : s.getDrawingPatriarch().getCharts().stream()
                                    .findAny()
                                    .orElse(null),
                    "no chart without a fit");
        }
    }

    @Test
    void theTidyCsvCarriesThePointsAndTheFits() throws Exception {
        List<NamedAnalysis> in = new ArrayList<>(set3);
        in.add(Analyses.named("202304_0521.atf", -20, 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(LabWorkbookTest.CLOCK).write(Layout.TIDY_CSV, in, out);
        Map<String, String> files = CsvExportTest.unzip(out.toByteArray());
        List<List<String>> points = CsvParser.parse(files.get(ChargeVoltageCsv.POINTS_FILE), ',');
        assertEquals(ChargeVoltageCsv.POINT_COLUMNS, points.get(0));
        assertEquals(VOLTAGES.length + 1, points.size(), "the file whose name tells no set is left out");
        for (int i = 0; i < VOLTAGES.length; i++) {
            var p = expected.points().get(i);
            List<String> row = points.get(i + 1);
            assertEquals("3", row.get(0));
            assertEquals(p.file(), row.get(2));
            assertEquals(p.v2Mv(), Double.parseDouble(row.get(3)), 0);
            assertEquals(VOLTAGES[i], Double.parseDouble(row.get(4)), 0);
            assertEquals(p.qDepolPc(), Double.parseDouble(row.get(5)), 0);
            assertEquals(p.qHyperpolPc(), Double.parseDouble(row.get(6)), 0);
            assertEquals(p.capacitanceNf(), Double.parseDouble(row.get(7)), 0);
            assertEquals("true", row.get(8));
        }
        List<List<String>> fits = CsvParser.parse(files.get(ChargeVoltageCsv.FITS_FILE), ',');
        assertEquals(ChargeVoltageCsv.FIT_COLUMNS, fits.get(0));
        assertEquals(2, fits.size());
        List<String> fit = fits.get(1);
        for (List<String> row : fits) assertEquals(ChargeVoltageCsv.FIT_COLUMNS.size(), row.size());
        BoltzmannFit b = expected.boltzmann();
        assertEquals("fitted", fit.get(1));
        assertEquals(b.qMaxPc(), Double.parseDouble(fit.get(ChargeVoltageCsv.FIT_COLUMNS.indexOf("q_max_pc"))), 0);
        assertEquals(
                b.ci95().slopeMv()[1],
                Double.parseDouble(fit.get(ChargeVoltageCsv.FIT_COLUMNS.indexOf("slope_ci95_high_mv"))),
                0);
        assertEquals(b.r2(), Double.parseDouble(fit.get(ChargeVoltageCsv.FIT_COLUMNS.indexOf("r2"))), 0);
    }

    @Test
    void aRefusedSetFillsItsRowWithTheReason() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(LabWorkbookTest.CLOCK)
                .write(Layout.TIDY_CSV, List.of(Analyses.named("20230405_0521_1_-20mV.atf", -20, 1)), out);
        List<List<String>> fits =
                CsvParser.parse(CsvExportTest.unzip(out.toByteArray()).get(ChargeVoltageCsv.FITS_FILE), ',');
        assertEquals(ChargeVoltageCsv.FIT_COLUMNS.size(), fits.get(1).size());
        assertEquals(List.of("1", "refused", "too-few-voltages"), fits.get(1).subList(0, 3));
        assertEquals("q_depol_pc", fits.get(1).get(ChargeVoltageCsv.FIT_COLUMNS.size() - 1));
    }
}
