package org.signalanalyzer.dsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalanalyzer.dsp.SharedData;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.CurveFits;
import org.signalanalyzer.dsp.analysis.FitModel;
import org.signalanalyzer.dsp.analysis.IntegrationRanges;
import org.signalanalyzer.dsp.analysis.StartingPoint;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.export.SetFileName;

/**
 * {@code export} from the command line, on copies of the desktop sample named as the lab names its files. Reference:
 * the desktop's batch_n35 integrals (expected-desktop.json), relative 1e-9.
 */
class ExportCommandTest {

    private String stdout;
    private String stderr;

    private int cli(String... args) {
        CliRun r = CliRun.cli(args);
        stdout = r.out();
        stderr = r.err();
        return r.code();
    }

    @Test
    void labSetsWritesOneWorkbookPerSetWithTheAnalyzeOptions(@TempDir Path tmp) throws Exception {
        Path sample = SharedData.desktop("202304_0521.atf");
        Path a = Files.copy(sample, tmp.resolve("20230405_0521_1_-20mV.atf"));
        Path b = Files.copy(sample, tmp.resolve("20230405_0522_2_-20mV.atf"));
        Path out = tmp.resolve("out");
        assertEquals(
                0,
                cli(
                        "export",
                        a.toString(),
                        b.toString(),
                        "--layout",
                        "lab-sets",
                        "--out",
                        out.toString(),
                        "--preset",
                        "batch",
                        "--start-point",
                        "35"),
                stderr);

        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.sorted().toList();
        }
        assertEquals(2, files.size());
        assertTrue(files.get(0).getFileName().toString().matches("Set_1_\\d{8}_\\d{6}\\.xlsx"), files.toString());
        assertTrue(files.get(1).getFileName().toString().matches("Set_2_\\d{8}_\\d{6}\\.xlsx"), files.toString());
        assertEquals(files.get(0) + System.lineSeparator() + files.get(1) + System.lineSeparator(), stdout);
        try (XSSFWorkbook wb = new XSSFWorkbook(files.get(0).toFile())) {
            XSSFSheet s = wb.getSheet("20230405_0521");
            assertEquals("20230405_0521_1_-20mV.atf", s.getRow(0).getCell(1).getStringCellValue());
            assertEquals(-20, s.getRow(1).getCell(1).getNumericCellValue(), 0.0, "V2 from the file name");
            assertEquals(-14.117414341533726, s.getRow(6).getCell(1).getNumericCellValue(), 14.2e-9);
            assertEquals(9.315680642187917, s.getRow(209).getCell(1).getNumericCellValue(), 9.4e-9);
        }
    }

    @Test
    void fullLayoutIsOneWorkbook(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(
                0,
                cli(
                        "export",
                        SharedData.desktop("202304_0521.atf").toString(),
                        "--layout",
                        "full",
                        "--out",
                        out.toString(),
                        "--mode",
                        "standard"),
                stderr);
        try (Stream<Path> s = Files.list(out)) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size());
            assertTrue(names.get(0).matches("202304_0521_full_\\d{8}_\\d{6}\\.xlsx"), names.toString());
        }
    }

    @Test
    void aFileWithoutASetNameIsExitCode2WithTheNameAndTheExpectedPattern(@TempDir Path tmp) {
        assertEquals(
                2,
                cli(
                        "export",
                        SharedData.desktop("202304_0521.atf").toString(),
                        "--layout",
                        "lab-sets",
                        "--out",
                        tmp.toString()));
        assertTrue(stderr.contains("'202304_0521.atf'") && stderr.contains(SetFileName.EXPECTED), stderr);
        assertTrue(stderr.contains("--set-of FILE=SET"), "the way out is named: " + stderr);
    }

    /**
     * With no analyze options, lab-sets runs the desktop's Export Sets settings (batch filters, starting point 35),
     * so the command gives the button's numbers. Reference: expected-desktop.json's batch_n35 case (relative 1e-9);
     * the lab's own file name takes its set from --set-of.
     */
    @Test
    void labSetsDefaultsToTheDesktopsExportSetsSettings(@TempDir Path tmp) throws Exception {
        JsonNode expected = null;
        for (JsonNode c : new ObjectMapper()
                .readTree(SharedData.desktop("expected-desktop.json").toFile())
                .get("cases")) {
            if (c.get("case").asText().equals("batch_n35")) expected = c;
        }
        Path out = tmp.resolve("out");
        assertEquals(
                0,
                cli(
                        "export",
                        SharedData.desktop("202304_0521.atf").toString(),
                        "--layout",
                        "lab-sets",
                        "--set-of",
                        "202304_0521.atf=4",
                        "--out",
                        out.toString()),
                stderr);
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.toList();
        }
        assertEquals(1, files.size());
        assertTrue(files.get(0).getFileName().toString().matches("Set_4_\\d{8}_\\d{6}\\.xlsx"), files.toString());
        try (XSSFWorkbook wb = new XSSFWorkbook(files.get(0).toFile())) {
            XSSFSheet s = wb.getSheet("202304_0521");
            double qH = expected.get("Q_hyperpol_pC").asDouble();
            double qD = expected.get("Q_depol_pC").asDouble();
            assertEquals(qH, s.getRow(6).getCell(1).getNumericCellValue(), 1e-9 * Math.abs(qH));
            assertEquals(qD, s.getRow(209).getCell(1).getNumericCellValue(), 1e-9 * Math.abs(qD));
        }
        assertEquals(
                2,
                cli(
                        "export",
                        SharedData.desktop("202304_0521.atf").toString(),
                        "--layout",
                        "lab-sets",
                        "--set-of",
                        "other.atf=4",
                        "--out",
                        out.toString()));
        assertTrue(stderr.contains("'other.atf' is not among FILES"), stderr);
    }

    /**
     * The CLI writes what the screen would after "fit a line to the hyperpol tail, subtract it" and a dragged range:
     * the CSV's integrals are shared-dsp's adjusted ones (7 decimals), and it says what was adjusted.
     */
    @Test
    void fitsAndRangesFromTheCommandLineReachTheExport(@TempDir Path tmp) throws Exception {
        Path file = SharedData.desktop("202304_0521.atf");
        Path out = tmp.resolve("out");
        assertEquals(
                0,
                cli(
                        "export",
                        file.toString(),
                        "--layout",
                        "csv",
                        "--out",
                        out.toString(),
                        "--start-point",
                        "35",
                        "--range-hyperpol",
                        "20,150",
                        "--range-depol",
                        "10,120",
                        "--fit",
                        "hyperpol,linear,100,198,subtract"),
                stderr);
        AnalysisResult analysed = StepProtocolAnalysis.run(
                "202304_0521.atf",
                Files.readAllBytes(file),
                AnalysisRequest.desktopDefaults()
                        .withStartingPoint(StartingPoint.given(35))
                        .withRanges(IntegrationRanges.points(20, 150, 10, 120)));
        var line = CurveFits.fit(analysed, "hyperpol", FitModel.LINEAR, 100, 198);
        var expected = CurveFits.subtractLine(analysed, line);
        assertTrue(Math.abs(expected.qHyperpolPc() - analysed.qHyperpolPc()) > 1e-3, "the subtraction matters");
        String csv;
        try (Stream<Path> s = Files.list(out)) {
            csv = Files.readString(s.findFirst().orElseThrow());
        }
        String[] summary = csv.lines()
                .filter(l -> l.startsWith("Purple Integral Summary:"))
                .findFirst()
                .orElseThrow()
                .split(";");
        assertEquals(expected.qHyperpolPc(), Double.parseDouble(summary[2]), 5e-8);
        assertEquals(expected.qDepolPc(), Double.parseDouble(summary[4]), 5e-8);
        assertTrue(csv.contains("Subtracted line: hyperpol linear points 100..198"), csv);
        assertTrue(
                csv.contains("Integration ranges set by hand: points hyperpol [20.0, 150.0] depol [10.0, 120.0]"), csv);
        assertEquals(2, cli("analyze", file.toString(), "--fit", "hyperpol,cubic,1,2"));
        assertTrue(stderr.contains("unknown fit model 'cubic'"), stderr);
    }

    @Test
    void badCommandLinesAreExitCode2(@TempDir Path tmp) {
        String file = SharedData.desktop("202304_0521.atf").toString();
        assertEquals(2, cli("export", file, "--layout", "xlsx", "--out", tmp.toString()));
        assertTrue(stderr.contains("unknown export layout 'xlsx'"), stderr);
        assertEquals(2, cli("export", file, "--layout", "full"));
        assertTrue(stderr.contains("missing option --out"), stderr);
        assertEquals(2, cli("export", file, "--layout", "full", "--out", tmp.toString(), "--colour", "red"));
        assertTrue(stderr.contains("unknown option --colour"), stderr);
        assertEquals(2, cli("export", "--layout", "full", "--out", tmp.toString()));
        assertTrue(stderr.contains("missing FILES"), stderr);
    }
}
