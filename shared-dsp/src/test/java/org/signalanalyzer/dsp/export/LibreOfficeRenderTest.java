package org.signalanalyzer.dsp.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.Prerequisite;

/**
 * The workbooks open in LibreOffice (headless PDF conversion), and the purple curves of the full workbook's charts
 * are drawn: the rendered pages must contain pixels of both series' line colours (LibreOffice draws nothing for a
 * series without explicit line properties). Skips (fails on CI) where LibreOffice or pdftoppm is not installed
 * ({@code apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils}).
 * The PDFs and PNGs stay in {@code target/export-render/} for a person to look at.
 */
class LibreOfficeRenderTest {

    private static final Path OUT = Path.of("target/export-render");

    @Test
    void workbooksConvertToPdfAndTheChartsShowBothPurpleCurves() throws Exception {
        Prerequisite.require(onPath("libreoffice"), "LibreOffice is not installed (the rendering check needs it)");
        Prerequisite.require(onPath("pdftoppm"),
                "pdftoppm (poppler-utils) is not installed (the rendering check needs it)");
        deleteRecursively(OUT);
        Files.createDirectories(OUT);
        Path full = OUT.resolve("full.xlsx");
        try (OutputStream o = Files.newOutputStream(full)) {
            o.write(FullWorkbookTest.fullWorkbook(List.of(Analyses.named("20230405_0521_1_-20mV.atf", -20, 1))));
        }
        List<Path> lab = new Exporter(LabWorkbookTest.CLOCK).writeFiles(Layout.LAB_SETS,
                List.of(Analyses.named("20230405_0521_1_-20mV.atf", -20, 1),
                        Analyses.named("20230405_0522_2_-40mV.atf", -40, 2)), OUT);

        List<String> cmd = new ArrayList<>(List.of("libreoffice",
                // a private profile: several conversions may run at once on a shared machine
                "-env:UserInstallation=" + OUT.resolve("profile").toAbsolutePath().toUri(),
                "--headless", "--convert-to", "pdf", "--outdir", OUT.toString(), full.toString()));
        for (Path p : lab) cmd.add(p.toString());
        run(cmd, 180);
        for (Path x : Stream.concat(Stream.of(full), lab.stream()).toList()) {
            Path pdf = OUT.resolve(x.getFileName().toString().replace(".xlsx", ".pdf"));
            assertTrue(Files.size(pdf) > 1000, "LibreOffice made no PDF of " + x.getFileName());
        }

        run(List.of("pdftoppm", "-png", "-r", "60", OUT.resolve("full.pdf").toString(),
                OUT.resolve("full").toString()), 120);
        int purple = 0;
        int orange = 0;
        try (Stream<Path> pages = Files.list(OUT)) {
            for (Path png : pages.filter(p -> p.getFileName().toString().matches("full-\\d+\\.png")).toList()) {
                BufferedImage img = ImageIO.read(png.toFile());
                for (int y = 0; y < img.getHeight(); y++) {
                    for (int x = 0; x < img.getWidth(); x++) {
                        int rgb = img.getRGB(x, y);
                        int r = (rgb >> 16) & 0xff;
                        int g = (rgb >> 8) & 0xff;
                        int b = rgb & 0xff;
                        // PresetColor PURPLE is #800080, DARK_ORANGE #FF8C00; anti-aliasing blends them with white
                        if (r > 90 && r < 170 && g < 60 && b > 90 && b < 170) purple++;
                        if (r > 220 && g > 110 && g < 170 && b < 60) orange++;
                    }
                }
            }
        }
        assertTrue(purple > 200, "the hyperpol curve (purple) is not drawn: " + purple + " purple pixels");
        assertTrue(orange > 200, "the depol curve (dark orange) is not drawn: " + orange + " orange pixels");
    }

    private static void run(List<String> cmd, int timeoutS) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(OUT.resolve(new File(cmd.get(0)).getName() + ".log").toFile()).start();
        assertTrue(p.waitFor(timeoutS, TimeUnit.SECONDS), cmd.get(0) + " took more than " + timeoutS + " s");
        assertEquals(0, p.exitValue(), cmd.get(0) + " failed; see " + OUT.resolve(cmd.get(0) + ".log"));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) Files.delete(p);
        }
    }
}
