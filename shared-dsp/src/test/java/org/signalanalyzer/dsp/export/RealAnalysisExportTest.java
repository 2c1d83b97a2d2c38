package org.signalanalyzer.dsp.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.SharedData;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.analysis.StartingPoint;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.filter.FilterChain;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingReaders;

/**
 * Exports of real analyses of the desktop sample recording (202304_0521.atf: raw and batch filters, n = 35). The
 * cells equal the AnalysisResult exactly, and through it the desktop's own numbers (expected-desktop.json, relative
 * 1e-9, absolute below magnitude 1): what the lab gets from the web is what its desktop tool computed.
 */
class RealAnalysisExportTest {

    static final double TOL = 1e-9;

    static NamedAnalysis raw;
    static NamedAnalysis batch;
    static JsonNode expectedRaw;
    static JsonNode expectedBatch;

    @BeforeAll
    static void analyse() throws Exception {
        Path file = SharedData.desktop("202304_0521.atf");
        byte[] bytes = Files.readAllBytes(file);
        var recording = RecordingReaders.read(file.getFileName().toString(), bytes);
        var input = StepProtocolAnalysis.Input.of(file.getFileName().toString(), bytes);
        raw = analyse(recording, input, "raw", "20230405_0521_1_-20mV.atf");
        batch = analyse(recording, input, "batch", "20230405_0522_1_-20mV.atf");
        JsonNode cases = new ObjectMapper()
                .readTree(SharedData.desktop("expected-desktop.json").toFile())
                .get("cases");
        for (JsonNode c : cases) {
            if (c.get("case").asText().equals("raw_n35")) expectedRaw = c;
            if (c.get("case").asText().equals("batch_n35")) expectedBatch = c;
        }
    }

    /** Named as the lab names its files, so that the set export can group them (the sample's own name has no set). */
    private static NamedAnalysis analyse(
            Recording recording, StepProtocolAnalysis.Input input, String preset, String labName) {
        AnalysisRequest req = new AnalysisRequest(
                AnalysisMode.DESKTOP,
                ProtocolParameters.DESKTOP_DEFAULTS,
                StartingPoint.given(35),
                FilterChain.preset(preset),
                null,
                0,
                0,
                null);
        return new NamedAnalysis(labName, labName, StepProtocolAnalysis.run(recording, req, input));
    }

    @Test
    void labWorkbookHoldsTheDesktopsNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportedFile f = new Exporter(LabWorkbookTest.CLOCK).write(Layout.LAB_SETS, List.of(batch, raw), out);
        assertEquals("Set_1_20261124_230509.xlsx", f.fileName());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(
                    List.of("20230405_0521", "20230405_0522", ChargeVoltageSheet.NAME), LabWorkbookTest.sheetNames(wb));
            LabWorkbookTest.checkSheet(wb.getSheet("20230405_0521"), raw);
            LabWorkbookTest.checkSheet(wb.getSheet("20230405_0522"), batch);
            againstDesktop(wb.getSheet("20230405_0521"), expectedRaw);
            againstDesktop(wb.getSheet("20230405_0522"), expectedBatch);
        }
    }

    private static void againstDesktop(XSSFSheet s, JsonNode expected) {
        double qh = expected.get("Q_hyperpol_pC").asDouble();
        double qd = expected.get("Q_depol_pC").asDouble();
        near(qh + qd, s.getRow(3).getCell(1).getNumericCellValue(), "overall integral");
        near(qh, s.getRow(6).getCell(1).getNumericCellValue(), "hyperpol integral");
        near(qd, s.getRow(209).getCell(1).getNumericCellValue(), "depol integral");
        for (int i = 0; i < 199; i++) {
            near(
                    expected.get("purple_hyperpol").get(i).asDouble(),
                    s.getRow(8 + i).getCell(1).getNumericCellValue(),
                    "hyperpol point " + i);
            near(
                    expected.get("purple_hyperpol_t_s").get(i).asDouble() * 1000,
                    s.getRow(8 + i).getCell(2).getNumericCellValue(),
                    "hyperpol time " + i);
            near(
                    expected.get("purple_depol").get(i).asDouble(),
                    s.getRow(211 + i).getCell(1).getNumericCellValue(),
                    "depol point " + i);
        }
    }

    @Test
    void fullWorkbookResultsAndProvenanceAreTheAnalysis() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(LabWorkbookTest.CLOCK).write(Layout.FULL, List.of(raw, batch), out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet results = wb.getSheet("Results");
            XSSFSheet prov = wb.getSheet("Provenance");
            for (int k = 0; k < 2; k++) {
                AnalysisResult r = List.of(raw, batch).get(k).result();
                JsonNode e = k == 0 ? expectedRaw : expectedBatch;
                assertEquals(r.qHyperpolPc(), results.getRow(k + 1).getCell(15).getNumericCellValue(), 0.0);
                assertEquals(r.qDepolPc(), results.getRow(k + 1).getCell(16).getNumericCellValue(), 0.0);
                assertEquals(
                        r.capacitanceNf(), results.getRow(k + 1).getCell(18).getNumericCellValue(), 0.0);
                near(
                        e.get("C_linear_nF").asDouble(),
                        results.getRow(k + 1).getCell(18).getNumericCellValue(),
                        "C");
                near(
                        e.get("baseline_pA").asDouble(),
                        results.getRow(k + 1).getCell(5).getNumericCellValue(),
                        "baseline");
                assertEquals(35, results.getRow(k + 1).getCell(6).getNumericCellValue(), 0.0);
                assertEquals("given", results.getRow(k + 1).getCell(7).getStringCellValue());
                assertEquals("202304_0521.atf", prov.getRow(3).getCell(k + 1).getStringCellValue());
                assertEquals(
                        r.provenance().inputSha256(),
                        prov.getRow(4).getCell(k + 1).getStringCellValue());
                assertEquals(64, r.provenance().inputSha256().length());
                assertEquals(
                        r.provenance().filterChain().toString(),
                        prov.getRow(18).getCell(k + 1).getStringCellValue());
                XSSFSheet curves = wb.getSheetAt(3 + k);
                for (int i = 0; i < 2200; i++) {
                    near(
                            e.get("orange").get(i).asDouble(),
                            curves.getRow(2 + i).getCell(1).getNumericCellValue(),
                            "orange " + i);
                }
            }
            assertTrue(
                    prov.getRow(18).getCell(2).getStringCellValue().contains("butter"),
                    "the batch chain is recorded: " + prov.getRow(18).getCell(2).getStringCellValue());
        }
    }

    @Test
    void labCsvCarriesTheRealIntegralsWhereTheDesktopWroteNA() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(LabWorkbookTest.CLOCK).write(Layout.CSV, List.of(batch), out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(!text.contains("N/A"), "no placeholder left");
        List<List<String>> rows = CsvParser.parse(text, ';');
        CsvExportTest.checkLabCsv(rows, batch);
        assertEquals("-4.8017337", rows.get(2).get(1), "Q_h + Q_d of the desktop, -14.117414 + 9.315681 pC");
    }

    @Test
    void standardModeOnsetsAndTimeWindowsReachTheResultsSheetAndTidyCsv() throws Exception {
        Path file = SharedData.desktop("202304_0521.atf");
        byte[] bytes = Files.readAllBytes(file);
        AnalysisResult r = StepProtocolAnalysis.run(
                RecordingReaders.read("202304_0521.atf", bytes),
                AnalysisRequest.desktopDefaults().withMode(AnalysisMode.STANDARD),
                StepProtocolAnalysis.Input.of("202304_0521.atf", bytes));
        NamedAnalysis a = NamedAnalysis.of(r);
        assertEquals("202304_0521.atf", a.name());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(LabWorkbookTest.CLOCK).write(Layout.FULL, List.of(a), out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet results = wb.getSheet("Results");
            assertEquals("standard", results.getRow(1).getCell(2).getStringCellValue());
            assertEquals(null, results.getRow(1).getCell(6), "no starting point in standard mode");
            assertEquals(r.hyperpolOnsetS() * 1000, results.getRow(1).getCell(8).getNumericCellValue(), 0.0);
            assertEquals(r.depolOnsetS() * 1000, results.getRow(1).getCell(9).getNumericCellValue(), 0.0);
            assertEquals("ms", results.getRow(1).getCell(10).getStringCellValue());
            assertEquals(r.qHyperpolPc(), results.getRow(1).getCell(15).getNumericCellValue(), 0.0);
            assertEquals(r.qDepolPc(), results.getRow(1).getCell(16).getNumericCellValue(), 0.0);
        }
        out.reset();
        new Exporter(LabWorkbookTest.CLOCK).write(Layout.TIDY_CSV, List.of(a), out);
        List<List<String>> rows =
                CsvParser.parse(CsvExportTest.unzip(out.toByteArray()).get("analyses.csv"), ',');
        var row = CsvExportTest.record(rows.get(0), rows.get(1));
        assertEquals(r.depolOnsetS() * 1000, Double.parseDouble(row.get("depol_onset_ms")), 0.0);
        assertEquals(r.hyperpolOnsetS() * 1000, Double.parseDouble(row.get("hyperpol_onset_ms")), 0.0);
        assertEquals("", row.get("starting_point"));
        assertEquals(r.qDepolPc(), Double.parseDouble(row.get("q_depol_pc")), 0.0);
    }

    private static void near(double expected, double actual, String what) {
        double tol = Math.abs(expected) < 1 ? TOL : TOL * Math.abs(expected);
        assertEquals(expected, actual, tol, what);
    }
}
