package org.signalanalyzer.dsp.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The workbooks open in LibreOffice (headless PDF conversion), and the purple curves of the full workbook's charts
 * are drawn: the rendered pages must contain pixels of both series' line colours (LibreOffice draws nothing for a
 * series without explicit line properties). Skips (fails on CI) where LibreOffice or pdftoppm is not installed
 * ({@code apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils}).
 * The PDFs and PNGs stay in {@code target/export-render/} for a person to look at.
 */
class LibreOfficeRenderTest {

    @Test
    void workbooksConvertToPdfAndTheChartsShowBothPurpleCurves() throws Exception {
        RenderedPages render = RenderedPages.in(Path.of("target/export-render"));
        Path full = render.folder().resolve("full.xlsx");
        try (OutputStream o = Files.newOutputStream(full)) {
            o.write(FullWorkbookTest.fullWorkbook(List.of(Analyses.named("20230405_0521_1_-20mV.atf", -20, 1))));
        }
        List<Path> lab = new Exporter(LabWorkbookTest.CLOCK)
                .writeFiles(
                        Layout.LAB_SETS,
                        List.of(
                                Analyses.named("20230405_0521_1_-20mV.atf", -20, 1),
                                Analyses.named("20230405_0522_2_-40mV.atf", -40, 2)),
                        render.folder());

        List<Path> workbooks = Stream.concat(Stream.of(full), lab.stream()).toList();
        render.toPdf(workbooks);
        for (Path x : workbooks) {
            assertTrue(Files.size(render.pdfOf(x)) > 1000, "LibreOffice made no PDF of " + x.getFileName());
        }

        int[] drawn = render.pixels(render.pdfOf(full), 60, RenderedPages.PURPLE, RenderedPages.DARK_ORANGE);
        int purple = drawn[0];
        int orange = drawn[1];
        assertTrue(purple > 200, "the hyperpol curve (purple) is not drawn: " + purple + " purple pixels");
        assertTrue(orange > 200, "the depol curve (dark orange) is not drawn: " + orange + " orange pixels");
    }
}
