package org.signalanalyzer.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalanalyzer.dsp.Prerequisite;
import org.signalanalyzer.dsp.SharedData;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.analysis.SyntheticChargeVoltageCell;
import org.signalanalyzer.functions.limits.Limits;

/**
 * The browser app as a scientist uses it, in real headless Chromium (Debian's {@code chromium}, driven by
 * playwright-core from {@code static-site/web/e2e}) against the real local runtime: upload the desktop sample,
 * plot, preview the batch preset and Analyze without applying it (Q and C equal the desktop's and the CLI's), drag
 * a range (equal to the integrals endpoint), export the lab workbook, switch recordings (nothing stale stays),
 * reopen from History (panels restored) — at a desktop and at a phone viewport, where a swipe must scroll the page
 * and a two-tap fit must work. The workbook the browser downloaded is then opened here with POI: it holds the
 * numbers the screen showed. Screenshots: {@code local/target/e2e/}.
 *
 * <p>Skipped with a message where Chromium or the web app's node packages are absent, except on CI, where a
 * missing browser is a failure (.ci/run installs it).
 */
class BrowserEndToEndTest {

    private static final Path WEB = Path.of("../static-site/web");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path OUT = Path.of("target/e2e");

    @TempDir
    Path data;

    @Test
    void uploadFilterAnalyzeDragAndExportInChromium() throws Exception {
        boolean ready = Files.isExecutable(CHROMIUM) && Files.isDirectory(WEB.resolve("node_modules/playwright-core"));
        Prerequisite.require(
                ready,
                "the browser end-to-end test needs " + CHROMIUM
                        + " (apt-get install chromium; .ci/run installs it) and static-site/web/node_modules"
                        + " (mvn -pl static-site package runs npm ci)");
        Path shared = SharedData.root();

        Files.createDirectories(OUT);
        Path log = OUT.resolve("e2e.log");
        try (LocalRuntime runtime = LocalRuntime.start(LocalSettings.defaults()
                .withPort(0)
                .withDataDir(data)
                // A person's flow fits the product's default limits; they are stated so a change to them shows here.
                .withLimits(Limits.defaults()))) {
            ProcessBuilder npm = new ProcessBuilder("npm", "run", "e2e")
                    .directory(WEB.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            npm.environment().put("APP_URL", runtime.url().toString());
            npm.environment().put("E2E_OUT", OUT.toAbsolutePath().toString());
            npm.environment().put("SHARED_DIR", shared.toAbsolutePath().toString());
            npm.environment().put("CHROMIUM", CHROMIUM.toString());
            npm.environment()
                    .put(
                            "CV_SET_DIR",
                            writeChargeVoltageSet(OUT.resolve("cv-set"))
                                    .toAbsolutePath()
                                    .toString());
            npm.environment().put("CV_PARAMS", chargeVoltageParameters());
            npm.environment()
                    .put(
                            "CLI_JAR",
                            Path.of("../shared-dsp/target/shared-dsp-cli.jar")
                                    .toAbsolutePath()
                                    .toString());
            Process p = npm.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail("the browser flow did not finish in 10 minutes; see " + log.toAbsolutePath());
            }
            assertEquals(
                    0,
                    p.exitValue(),
                    () -> "the browser flow failed; last lines of " + log.toAbsolutePath() + ":\n" + tail(log, 40));
        }

        for (String viewport : List.of("desktop", "phone")) {
            Path workbook = OUT.resolve(viewport + "-lab-sets.xlsx");
            assertTrue(Files.isRegularFile(workbook), "the browser saved the lab workbook: " + workbook);
            JsonNode screen = new ObjectMapper()
                    .readTree(OUT.resolve(viewport + "-screen.json").toFile());
            assertLabWorkbook(workbook, screen, expectedBatchAuto(shared));
        }
        assertSetSummary(
                OUT.resolve("desktop-cv-lab-sets.xlsx"),
                new ObjectMapper()
                        .readTree(OUT.resolve("desktop-cv-screen.json").toFile()));
    }

    /**
     * The lab sheet (docs/desktop-conventions.md#lab-workbook) of the uploaded file holds the numbers the screen showed after the range was
     * dragged (not the analysis as first run), and says that it was adjusted.
     */
    private static void assertLabWorkbook(Path workbook, JsonNode screen, JsonNode analysed) throws IOException {
        try (InputStream in = Files.newInputStream(workbook);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("20230405_0521");
            assertNotNull(sheet, "one sheet named after the file number");
            assertEquals("Original ATF File:", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("20230405_0521_1_-20mV.atf", sheet.getRow(0).getCell(1).getStringCellValue());
            assertEquals(-20, sheet.getRow(1).getCell(1).getNumericCellValue());
            assertEquals("PURPLE HYPERPOL CURVE", sheet.getRow(5).getCell(0).getStringCellValue());
            double qh = sheet.getRow(6).getCell(1).getNumericCellValue();
            double qhScreen = screen.get("q_h").asDouble();
            assertEquals(qhScreen, qh, 1e-12 * Math.abs(qhScreen), "hyperpol integral vs the screen (rel 1e-12)");
            double qhAnalysed = analysed.get("Q_hyperpol_pC").asDouble();
            assertTrue(
                    Math.abs(qh - qhAnalysed) > 1e-6 * Math.abs(qhAnalysed),
                    "the workbook carries the dragged range, not the analysis as first run (" + qhAnalysed + ")");
            double overall = sheet.getRow(3).getCell(1).getNumericCellValue();
            double overallScreen = qhScreen + screen.get("q_d").asDouble();
            assertEquals(overallScreen, overall, 1e-12 * Math.abs(overallScreen), "overall integral (rel 1e-12)");
            assertTrue(sheetText(sheet).contains("Adjustments"), "the sheet says the ranges were adjusted");
        }
    }

    /** The set's workbook the browser downloaded: its Q-V summary holds the fit the page showed. */
    private static void assertSetSummary(Path workbook, JsonNode screen) throws IOException {
        assertTrue(Files.isRegularFile(workbook), "the browser saved the set's lab workbook: " + workbook);
        try (InputStream in = Files.newInputStream(workbook);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet summary = wb.getSheet("Q-V summary");
            assertNotNull(summary, "the set's workbook ends with its Q-V summary");
            assertEquals(
                    screen.get("vHalfMv").asDouble(),
                    labelled(summary, "V½ (mV)"),
                    1e-9 * Math.abs(screen.get("vHalfMv").asDouble()),
                    "V½ in the workbook vs the page");
            assertEquals(
                    screen.get("slopeMv").asDouble(),
                    labelled(summary, "k (mV)"),
                    1e-9 * Math.abs(screen.get("slopeMv").asDouble()),
                    "k in the workbook vs the page");
        }
    }

    private static double labelled(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null
                    && first.getCellType() == CellType.STRING
                    && first.getStringCellValue().equals(label)) {
                return row.getCell(1).getNumericCellValue();
            }
        }
        throw new AssertionError("no row '" + label + "' in " + sheet.getSheetName() + ":\n" + sheetText(sheet));
    }

    private static String sheetText(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING)
                    text.append(cell.getStringCellValue()).append('\n');
            }
        }
        return text.toString();
    }

    private static JsonNode expectedBatchAuto(Path shared) throws IOException {
        JsonNode cases = new ObjectMapper()
                .readTree(shared.resolve("data/desktop/expected-desktop.json").toFile())
                .get("cases");
        for (JsonNode c : cases) if (c.get("case").asText().equals("batch_auto")) return c;
        throw new IllegalStateException("expected-desktop.json has no batch_auto case");
    }

    /** The cell of the set flow: its Boltzmann charge is what the page's fit must find (as the API does). */
    private static SyntheticChargeVoltageCell chargeVoltageCell() {
        SyntheticChargeVoltageCell cell = new SyntheticChargeVoltageCell();
        // 20 kHz keeps the six uploads small; the fit's accuracy is shared-dsp's known-answer test's concern.
        cell.fs = 20_000;
        return cell;
    }

    /**
     * Five files named by the lab's rule (set 3) and one whose name tells neither set nor voltage, for which the
     * page must ask (its V2 is in the name's stead passed as -45 mV to the flow).
     */
    private static Path writeChargeVoltageSet(Path dir) throws IOException {
        Files.createDirectories(dir);
        SyntheticChargeVoltageCell cell = chargeVoltageCell();
        int n = 70;
        for (int v : new int[] {-70, -30, -20, -5, 20}) {
            Files.write(dir.resolve(String.format(Locale.ROOT, "20240612_%04d_3_%dmV.atf", n++, v)), cell.atf(v));
        }
        Files.write(dir.resolve("cell3 extra.atf"), cell.atf(-45));
        return dir;
    }

    /** The protocol's timing as the lab would type it into the Analysis panel (V2 is each file's own). */
    private static String chargeVoltageParameters() {
        ProtocolParameters p = chargeVoltageCell().parameters(-20);
        return new ObjectMapper()
                .createObjectNode()
                .put("nCycles", p.nCycles())
                .put("t0Ms", p.t0Ms())
                .put("t1Ms", p.t1Ms())
                .put("t2Ms", p.t2Ms())
                .put("v0Mv", p.v0Mv())
                .put("v1Mv", p.v1Mv())
                .toString();
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
