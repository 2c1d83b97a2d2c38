package org.signalanalyzer.dsp.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.Prerequisite;

/**
 * The lab workbook's Q–V chart as LibreOffice draws it: the fitted curve (the workbook's only dark-orange line) must
 * be on the rendered pages. Skips without LibreOffice or pdftoppm (fails on CI); the PDF and PNGs stay in
 * {@code target/qv-render/}.
 */
class ChargeVoltageRenderTest {

    private static final Path OUT = Path.of("target/qv-render");

    @Test
    void theFittedCurveIsDrawn() throws Exception {
        Prerequisite.require(onPath("libreoffice"), "LibreOffice is not installed (the rendering check needs it)");
        Prerequisite.require(onPath("pdftoppm"),
                "pdftoppm (poppler-utils) is not installed (the rendering check needs it)");
        if (Files.exists(OUT)) {
            try (Stream<Path> all = Files.walk(OUT)) {
                for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) Files.delete(p);
            }
        }
        Files.createDirectories(OUT);
        List<Path> lab = new Exporter(LabWorkbookTest.CLOCK).writeFiles(Layout.LAB_SETS,
                ChargeVoltageExportTest.analyses(), OUT);
        assertEquals(1, lab.size());
        // Only the summary sheet is rendered: the per-file sheets hold thousands of curve points (hundreds of pages).
        Path summary = OUT.resolve("qv-summary.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(lab.get(0)))) {
            while (wb.getNumberOfSheets() > 1) wb.removeSheetAt(0);
            assertEquals(ChargeVoltageSheet.NAME, wb.getSheetName(0));
            try (OutputStream o = Files.newOutputStream(summary)) {
                wb.write(o);
            }
        }
        run(List.of("libreoffice", "-env:UserInstallation=" + OUT.resolve("profile").toAbsolutePath().toUri(),
                "--headless", "--convert-to", "pdf", "--outdir", OUT.toString(), summary.toString()), 180);
        Path pdf = OUT.resolve("qv-summary.pdf");
        run(List.of("pdftoppm", "-png", "-r", "100", pdf.toString(), OUT.resolve("page").toString()), 120);
        int orange = 0;
        try (Stream<Path> pages = Files.list(OUT)) {
            for (Path png : pages.filter(p -> p.getFileName().toString().matches("page-\\d+\\.png")).toList()) {
                BufferedImage img = ImageIO.read(png.toFile());
                for (int y = 0; y < img.getHeight(); y++) {
                    for (int x = 0; x < img.getWidth(); x++) {
                        int rgb = img.getRGB(x, y);
                        int r = (rgb >> 16) & 0xff;
                        int g = (rgb >> 8) & 0xff;
                        int b = rgb & 0xff;
                        // DARK_ORANGE #FF8C00, blended with white at the line's edges
                        if (r > 220 && g > 110 && g < 170 && b < 60) orange++;
                    }
                }
            }
        }
        assertTrue(Files.size(pdf) > 1000, "LibreOffice made no PDF of the summary");
        assertTrue(orange > 100, "the fitted Boltzmann curve (dark orange) is not drawn: " + orange + " pixels");
    }

    private static void run(List<String> cmd, int timeoutS) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(OUT.resolve(new File(cmd.get(0)).getName() + ".log").toFile()).start();
        assertTrue(p.waitFor(timeoutS, TimeUnit.SECONDS), cmd.get(0) + " took more than " + timeoutS + " s");
        assertEquals(0, p.exitValue(), cmd.get(0) + " failed; see " + OUT.resolve(cmd.get(0) + ".log"));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(dir, program))) return true;
        return false;
    }
}
