package org.signalanalyzer.dsp.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.signalanalyzer.dsp.Prerequisite;

/**
 * Workbooks as LibreOffice draws them: converted to PDF, then to PNG pages whose pixels the render tests count.
 * Everything stays in the test's folder under {@code target/} for a person to look at.
 */
final class RenderedPages {

    /** PresetColor PURPLE (#800080), blended with white by anti-aliasing at the line's edges. */
    static final IntPredicate PURPLE =
            rgb -> red(rgb) > 90 && red(rgb) < 170 && green(rgb) < 60 && blue(rgb) > 90 && blue(rgb) < 170;
    /** PresetColor DARK_ORANGE (#FF8C00), likewise blended. */
    static final IntPredicate DARK_ORANGE =
            rgb -> red(rgb) > 220 && green(rgb) > 110 && green(rgb) < 170 && blue(rgb) < 60;

    private final Path folder;

    private RenderedPages(Path folder) {
        this.folder = folder;
    }

    /** An emptied folder to render in; skips (fails on CI) where LibreOffice or pdftoppm is not installed. */
    static RenderedPages in(Path folder) throws IOException {
        Prerequisite.require(onPath("libreoffice"), "LibreOffice is not installed (the rendering check needs it)");
        Prerequisite.require(
                onPath("pdftoppm"), "pdftoppm (poppler-utils) is not installed (the rendering check needs it)");
        if (Files.exists(folder)) {
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount())
                        .toList()) Files.delete(p);
            }
        }
        Files.createDirectories(folder);
        return new RenderedPages(folder);
    }

    Path folder() {
        return folder;
    }

    /** Each workbook as {@code <name>.pdf} beside it in the folder (one LibreOffice run for all). */
    void toPdf(List<Path> workbooks) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                "libreoffice",
                // a private profile: several conversions may run at once on a shared machine
                "-env:UserInstallation="
                        + folder.resolve("profile").toAbsolutePath().toUri(),
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                folder.toString()));
        for (Path p : workbooks) cmd.add(p.toString());
        run(cmd, 180);
    }

    /** The PDF made of a workbook by {@link #toPdf}. */
    Path pdfOf(Path workbook) {
        return folder.resolve(workbook.getFileName().toString().replace(".xlsx", ".pdf"));
    }

    /** For each colour, the pixels matching it on every page of {@code pdf}, rendered once at {@code dpi}. */
    int[] pixels(Path pdf, int dpi, IntPredicate... colours) throws IOException, InterruptedException {
        String prefix = pdf.getFileName().toString().replace(".pdf", "") + "-page";
        run(
                List.of(
                        "pdftoppm",
                        "-png",
                        "-r",
                        String.valueOf(dpi),
                        pdf.toString(),
                        folder.resolve(prefix).toString()),
                120);
        int[] counts = new int[colours.length];
        try (Stream<Path> pages = Files.list(folder)) {
            for (Path png : pages.filter(p -> p.getFileName().toString().matches(prefix + "-\\d+\\.png"))
                    .toList()) {
                BufferedImage img = ImageIO.read(png.toFile());
                for (int y = 0; y < img.getHeight(); y++) {
                    for (int x = 0; x < img.getWidth(); x++) {
                        int rgb = img.getRGB(x, y);
                        for (int c = 0; c < colours.length; c++) if (colours[c].test(rgb)) counts[c]++;
                    }
                }
            }
        }
        return counts;
    }

    private void run(List<String> cmd, int timeoutS) throws IOException, InterruptedException {
        Path log = folder.resolve(new File(cmd.get(0)).getName() + ".log");
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertTrue(p.waitFor(timeoutS, TimeUnit.SECONDS), cmd.get(0) + " took more than " + timeoutS + " s");
        assertEquals(0, p.exitValue(), cmd.get(0) + " failed; see " + log);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xff;
    }

    private static int green(int rgb) {
        return (rgb >> 8) & 0xff;
    }

    private static int blue(int rgb) {
        return rgb & 0xff;
    }
}
